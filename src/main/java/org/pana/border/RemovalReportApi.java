package org.pana.border;

import java.net.URI;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.IdempotentRequests;
import org.pana.platform.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/removal-reports}: border and migration officers report a removal carried out (once per
 * {@code Idempotency-Key}); the reporting officers, protection monitors and ministry read the reports.
 */
@RestController
@RequestMapping("/api/v1/removal-reports")
class RemovalReportApi {

    private final RemovalReports reports;
    private final IdempotentRequests idempotency;

    RemovalReportApi(RemovalReports reports, IdempotentRequests idempotency) {
        this.reports = reports;
        this.idempotency = idempotency;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'MIGRATION_OFFICER')")
    ResponseEntity<?> report(@AuthenticationPrincipal PanaUser caller, @RequestBody RemovalReports.RemovalReportRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        if (request == null) throw RuleViolation.onField("personId", "Say which person was removed.");
        return idempotency.createOnce("border.removal-report", key, request, () -> {
            RemovalReports.RemovalReport report = reports.report(caller, request);
            return ResponseEntity.created(URI.create("/api/v1/removal-reports/" + report.id())).body(report);
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'MIGRATION_OFFICER', 'PROTECTION_MONITOR', 'APPEALS_OFFICER', 'STATISTICIAN', 'AUDITOR')")
    RemovalReports.RemovalReport show(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        return reports.find(caller, id);
    }
}
