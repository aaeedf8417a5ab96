package org.pana.matching;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pana.platform.CallerIdentity;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full duplicate scans of the caller's jurisdiction, for registration officers. Answers carry ids, scores and
 * reason codes only (no names or document numbers), so they are not personal-data reads to audit; the people
 * themselves are opened through the registration pages, which audit.
 */
@RestController
@RequestMapping("/api/v1/matching/scans")
@PreAuthorize("hasRole('REGISTRATION_OFFICER')")
class DuplicateScanApi {

    private final DuplicateScan scans;

    DuplicateScanApi(DuplicateScan scans) {
        this.scans = scans;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> start(@AuthenticationPrincipal CallerIdentity caller) {
        UUID id = scans.start(caller.jurisdiction(), caller.userId());
        DuplicateScan.Progress progress = scans.progress(id, caller.jurisdiction()).orElseThrow(() -> new NotFound("Scan"));
        return ResponseEntity.accepted().location(URI.create("/api/v1/matching/scans/" + id)).body(view(progress, null, 0, 20));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@AuthenticationPrincipal CallerIdentity caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0) throw RuleViolation.onField("page", "The page must be 0 or more");
        if (size < 1 || size > 100) throw RuleViolation.onField("size", "The size must be between 1 and 100");
        DuplicateScan.Progress progress = scans.progress(id, caller.jurisdiction()).orElseThrow(() -> new NotFound("Scan"));
        return view(progress, scans.clusters(id, page, size), page, size);
    }

    private static Map<String, Object> view(DuplicateScan.Progress p, List<DuplicateScan.Cluster> clusters, int page, int size) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("status", p.status());
        view.put("processed", p.processed());
        view.put("total", p.total());
        view.put("pairs", p.pairs());
        view.put("startedAt", p.startedAt());
        view.put("finishedAt", p.finishedAt());
        Map<String, Object> page0 = new LinkedHashMap<>();
        page0.put("items", clusters == null ? List.of() : clusters);
        page0.put("page", page);
        page0.put("size", size);
        page0.put("total", p.clusters());
        view.put("clusters", page0);
        return view;
    }
}
