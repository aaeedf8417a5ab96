package org.pana.asylum;

import java.net.URI;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.IdempotentRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The asylum API of api.md ("Procedures"): lodge, read with deadlines, history and allowed actions, transitions. */
@RestController
@RequestMapping("/api/v1/asylum/applications")
class AsylumApi {

    static final String LODGING_SCOPE = "asylum.application";

    private final Applications applications;
    private final WorkQueues queues;
    private final IdempotentRequests idempotency;

    AsylumApi(Applications applications, WorkQueues queues, IdempotentRequests idempotency) {
        this.applications = applications;
        this.queues = queues;
        this.idempotency = idempotency;
    }

    /** The assignee of a case and the application's version the caller saw ({@code username} null to unassign). */
    record Assignee(String username, Long version) {}

    /** {@code mine}, {@code due-this-week}, {@code overdue}, {@code awaiting-my-approval} (api.md lists are paged). */
    @GetMapping("/queues/{queue}")
    @PreAuthorize("hasAnyRole('REGISTRATION_OFFICER', 'ELIGIBILITY_OFFICER', 'DECISION_MAKER')")
    WorkQueues.Page queue(@AuthenticationPrincipal PanaUser caller, @PathVariable String queue,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "20") int size) {
        return queues.list(caller, queue, page, size);
    }

    @PostMapping
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    ResponseEntity<?> lodge(@AuthenticationPrincipal PanaUser caller, @RequestBody Applications.Lodging request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.createOnce(LODGING_SCOPE, key, request, () -> {
            Applications.Application lodged = applications.lodge(caller, request);
            return ResponseEntity.created(URI.create("/api/v1/asylum/applications/" + lodged.id())).body(lodged);
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('REGISTRATION_OFFICER', 'ELIGIBILITY_OFFICER', 'DECISION_MAKER', 'APPEALS_OFFICER', 'PROTECTION_MONITOR')")
    Applications.Application find(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        return applications.find(caller, id);
    }

    @PutMapping("/{id}/assignee")
    @PreAuthorize("hasAnyRole('REGISTRATION_OFFICER', 'ELIGIBILITY_OFFICER', 'DECISION_MAKER', 'APPEALS_OFFICER', 'PROTECTION_MONITOR')")
    Applications.Application assign(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestBody Assignee request) {
        return applications.assign(caller, id, request.username(), request.version());
    }

    @PostMapping("/{id}/transitions")
    @PreAuthorize("hasAnyRole('REGISTRATION_OFFICER', 'ELIGIBILITY_OFFICER', 'DECISION_MAKER', 'APPEALS_OFFICER', 'PROTECTION_MONITOR')")
    Applications.Application transition(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id,
            @RequestBody Applications.Transition request) {
        return applications.transition(caller, id, request);
    }
}
