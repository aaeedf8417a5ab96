package org.pana.border;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The border API of api.md: points, encounters, referrals. */
@RestController
@RequestMapping("/api/v1/border")
class BorderApi {

    /**
     * The idempotency scope of recording an encounter, the same for the API and the page
     * ({@code POST /border/encounters}): a retry through either path returns the first answer.
     */
    static final String ENCOUNTER_SCOPE = "border.encounter";
    private static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> STATUSES = Set.of("PENDING", "UNROUTED", "ACKNOWLEDGED", "OVERDUE", "TAKEN_OVER");

    private final BorderPoints points;
    private final Encounters encounters;
    private final Referrals referrals;
    private final IdempotentRequests idempotency;

    BorderApi(BorderPoints points, Encounters encounters, Referrals referrals, IdempotentRequests idempotency) {
        this.points = points;
        this.encounters = encounters;
        this.referrals = referrals;
        this.idempotency = idempotency;
    }

    @GetMapping("/points")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'REGISTRATION_OFFICER', 'MIGRATION_OFFICER', 'PROTECTION_MONITOR')")
    Map<String, List<BorderPoints.BorderPoint>> points(@AuthenticationPrincipal PanaUser caller) {
        return Map.of("items", points.of(caller.jurisdiction()));
    }

    @PostMapping("/encounters")
    @PreAuthorize("hasRole('BORDER_OFFICER')")
    ResponseEntity<?> record(@AuthenticationPrincipal PanaUser caller, @RequestBody Encounters.EncounterRecord form,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return recordOnce(caller, form, key);
    }

    /**
     * Records the encounter at most once per {@code Idempotency-Key} of this officer, whichever path it
     * came by (the border post's offline queue resends through the page endpoint).
     */
    ResponseEntity<?> recordOnce(PanaUser caller, Encounters.EncounterRecord form, String key) {
        return idempotency.createOnce(ENCOUNTER_SCOPE, key, form, () -> {
            Encounters.Encounter encounter = encounters.record(caller, form);
            return ResponseEntity.created(URI.create("/api/v1/border/encounters/" + encounter.id()))
                    .body(encounter);
        });
    }

    @GetMapping("/referrals")
    @PreAuthorize("hasAnyRole('BORDER_OFFICER', 'REGISTRATION_OFFICER', 'PROTECTION_MONITOR')")
    Referrals.Page referrals(@AuthenticationPrincipal PanaUser caller, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw RuleViolation.onField("status", "Use one of " + String.join(", ", STATUSES.stream().sorted().toList()) + ".");
        }
        if (page < 0) throw RuleViolation.onField("page", "The page is 0 or more.");
        if (size < 1 || size > MAX_PAGE_SIZE) throw RuleViolation.onField("size", "The size is 1 to " + MAX_PAGE_SIZE + ".");
        return referrals.list(caller, status, page, size);
    }

    @PostMapping("/referrals/{id}/acknowledge")
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    Referrals.Referral acknowledge(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        return referrals.acknowledge(caller, id);
    }

    @PostMapping("/referrals/{id}/forward")
    @PreAuthorize("hasRole('REGISTRATION_OFFICER')")
    Referrals.Referral forward(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestBody Referrals.Forwarding forwarding) {
        return referrals.forward(caller, id, forwarding);
    }
}
