package org.pana.registration.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.registration.MatchReasonTexts;
import org.pana.registration.ResultPage;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The duplicate review queue over JSON, for registration officers of the jurisdiction (others 403; an item
 * of another jurisdiction 404). Decisions take the item's {@code version} they were based on (optional): a
 * decision on a pair someone decided meanwhile is refused with 409.
 */
@RestController
@RequestMapping("/api/v1/duplicate-reviews")
@PreAuthorize("hasRole('REGISTRATION_OFFICER')")
class DuplicateReviewApi {

    private final DuplicateReviews reviews;
    private final MessageSource messages;

    DuplicateReviewApi(DuplicateReviews reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    record SamePerson(UUID survivorId, Long version) {}

    record Decision(Long version) {}

    @GetMapping
    ResultPage<DuplicateReview> open(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return reviews.open(caller, page, size);
    }

    /** The item with both records side by side, today's score and its reasons in the reader's language. */
    @GetMapping("/{id}")
    Map<String, Object> comparison(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, Locale locale) {
        DuplicateReviews.Comparison comparison = reviews.compare(caller, id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("review", comparison.review());
        body.put("personA", comparison.a());
        body.put("personB", comparison.b());
        body.put("score", comparison.score());
        body.put("reasons", MatchReasonTexts.render(messages, comparison.reasons(), locale));
        body.put("differing", List.copyOf(comparison.differing()));
        return body;
    }

    @PostMapping("/{id}/same-person")
    DuplicateReview samePerson(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestBody SamePerson decision) {
        return reviews.samePerson(caller, id, decision.survivorId(), decision.version());
    }

    @PostMapping("/{id}/not-same-person")
    DuplicateReview notSamePerson(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id,
            @RequestBody(required = false) Decision decision) {
        return reviews.notSamePerson(caller, id, decision == null ? null : decision.version());
    }

    @PostMapping("/{id}/undo-merge")
    DuplicateReview undoMerge(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id,
            @RequestBody(required = false) Decision decision) {
        return reviews.undoMerge(caller, id, decision == null ? null : decision.version());
    }

    /** Puts the pairs of a completed duplicate scan ({@code /api/v1/matching/scans}) on the queue. */
    @PostMapping("/from-scan/{scanId}")
    Map<String, Integer> fromScan(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID scanId) {
        return Map.of("queued", reviews.enqueueScan(caller, scanId));
    }
}
