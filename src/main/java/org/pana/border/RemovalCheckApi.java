package org.pana.border;

import java.util.List;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/removal-checks} (api.md): border and migration officers ask before a removal. */
@RestController
@RequestMapping("/api/v1/removal-checks")
@PreAuthorize("hasAnyRole('BORDER_OFFICER', 'MIGRATION_OFFICER')")
class RemovalCheckApi {

    record CheckRequest(UUID personId) {}

    private final RemovalGuard guard;

    RemovalCheckApi(RemovalGuard guard) {
        this.guard = guard;
    }

    @PostMapping
    RemovalGuard.RemovalCheck check(@AuthenticationPrincipal PanaUser caller, @RequestBody CheckRequest request) {
        if (request == null || request.personId() == null) {
            throw new RuleViolation("validation", "Say which person the removal check is for.",
                    List.of(new FieldProblem("personId", "A person id is required.")));
        }
        return guard.check(caller, request.personId());
    }
}
