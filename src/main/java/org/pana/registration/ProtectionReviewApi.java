package org.pana.registration;

import java.util.UUID;
import org.pana.access.PanaUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The protection review list of the caller's jurisdiction, for protection monitors and registration officers. */
@RestController
@RequestMapping("/api/v1/protection-review")
@PreAuthorize("hasAnyRole('PROTECTION_MONITOR','REGISTRATION_OFFICER')")
class ProtectionReviewApi {

    private final ProtectionReviews reviews;

    ProtectionReviewApi(ProtectionReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    ResultPage<ProtectionReviewItem> open(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > Registry.MAX_PAGE_SIZE) {
            throw org.pana.platform.RuleViolation.onField("size", "Ask for a page from 0 with 1 to " + Registry.MAX_PAGE_SIZE + " items.");
        }
        return reviews.open(caller, page, size);
    }

    @PostMapping("/{id}/reviewed")
    ProtectionReviewItem reviewed(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id) {
        return reviews.markReviewed(caller, id);
    }
}
