package org.pana.border;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for border points and the referral routing table. */
@Controller
@RequestMapping("/admin/border")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BorderSetupPages {

    record PointForm(String code, String name, String region, String kind) {}

    record RouteForm(String region, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, UUID receivingOrganisationId) {}

    private final BorderSetup setup;

    BorderSetupPages(BorderSetup setup) {
        this.setup = setup;
    }

    @GetMapping
    String page(@AuthenticationPrincipal PanaUser admin, Model model) {
        return show(admin, model, new PointForm("", "", "", ""), Map.of(), new RouteForm("", null, null), Map.of());
    }

    @PostMapping("/points")
    String addPoint(@AuthenticationPrincipal PanaUser admin, PointForm form, Model model, RedirectAttributes redirect) {
        try {
            BorderSetup.Point point = setup.addPoint(admin, new BorderSetup.NewPoint(form.code(), form.name(), form.region(), form.kind()));
            redirect.addFlashAttribute("saved", point.code());
            return "redirect:/admin/border";
        } catch (RuleViolation | StateConflict e) {
            return show(admin, model, form, errors(e, "code"), new RouteForm("", null, null), Map.of());
        }
    }

    @PostMapping("/points/{code}/{change:close|reopen}")
    String close(@AuthenticationPrincipal PanaUser admin, @PathVariable String code, @PathVariable String change, RedirectAttributes redirect) {
        try {
            setup.setActive(admin, code, "reopen".equals(change));
            redirect.addFlashAttribute("saved", code);
        } catch (NotFound e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/border";
    }

    @PostMapping("/routes")
    String addRoute(@AuthenticationPrincipal PanaUser admin, RouteForm form, Model model, RedirectAttributes redirect) {
        try {
            BorderSetup.Route route = setup.addRoute(admin, new BorderSetup.NewRoute(form.region(), form.validFrom(), form.receivingOrganisationId()));
            redirect.addFlashAttribute("saved", route.region());
            return "redirect:/admin/border";
        } catch (RuleViolation | StateConflict e) {
            return show(admin, model, new PointForm("", "", "", ""), Map.of(), form, errors(e, "validFrom"));
        }
    }

    private String show(PanaUser admin, Model model, PointForm pointForm, Map<String, String> pointErrors, RouteForm routeForm,
            Map<String, String> routeErrors) {
        model.addAttribute("points", setup.points(admin));
        model.addAttribute("routes", setup.routes(admin));
        model.addAttribute("regions", setup.regions(admin));
        model.addAttribute("units", setup.receivingUnits(admin));
        model.addAttribute("kinds", BorderSetup.KINDS.stream().sorted().toList());
        model.addAttribute("pointForm", pointForm);
        model.addAttribute("pointErrors", pointErrors);
        model.addAttribute("routeForm", routeForm);
        model.addAttribute("routeErrors", routeErrors);
        return "border/setup";
    }

    private static Map<String, String> errors(RuntimeException e, String conflictField) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof RuleViolation rule && !rule.errors().isEmpty()) rule.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        else errors.put(conflictField, e.getMessage());
        return errors;
    }
}
