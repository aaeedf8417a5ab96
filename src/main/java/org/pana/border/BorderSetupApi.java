package org.pana.border;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.pana.access.PanaUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's API for the border points and the referral routing table of their jurisdiction. */
@RestController
@RequestMapping("/api/v1/border")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BorderSetupApi {

    private final BorderSetup setup;

    BorderSetupApi(BorderSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/setup/points")
    Map<String, List<BorderSetup.Point>> points(@AuthenticationPrincipal PanaUser admin) {
        return Map.of("items", setup.points(admin));
    }

    @PostMapping("/setup/points")
    ResponseEntity<BorderSetup.Point> addPoint(@AuthenticationPrincipal PanaUser admin, @RequestBody BorderSetup.NewPoint request) {
        BorderSetup.Point point = setup.addPoint(admin, request);
        return ResponseEntity.created(URI.create("/api/v1/border/setup/points")).body(point);
    }

    @PostMapping("/setup/points/{code}/close")
    ResponseEntity<Void> close(@AuthenticationPrincipal PanaUser admin, @PathVariable String code) {
        setup.setActive(admin, code, false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/setup/points/{code}/reopen")
    ResponseEntity<Void> reopen(@AuthenticationPrincipal PanaUser admin, @PathVariable String code) {
        setup.setActive(admin, code, true);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/setup/routes")
    Map<String, List<BorderSetup.Route>> routes(@AuthenticationPrincipal PanaUser admin) {
        return Map.of("items", setup.routes(admin));
    }

    @PostMapping("/setup/routes")
    ResponseEntity<BorderSetup.Route> addRoute(@AuthenticationPrincipal PanaUser admin, @RequestBody BorderSetup.NewRoute request) {
        BorderSetup.Route route = setup.addRoute(admin, request);
        return ResponseEntity.created(URI.create("/api/v1/border/setup/routes")).body(route);
    }
}
