package org.pana.asylum;

import java.util.UUID;
import org.pana.access.PanaUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decision letter as data (issue 5, item 5): for clients that print or send it themselves. */
@RestController
@RequestMapping("/api/v1/asylum/applications")
class DecisionLetterApi {

    private final DecisionLetters letters;

    DecisionLetterApi(DecisionLetters letters) {
        this.letters = letters;
    }

    /** {@code language}: ru (the default), kk, or a language the applicant understands with a template (en). */
    @GetMapping("/{id}/decision-letter")
    @PreAuthorize("hasAnyRole('REGISTRATION_OFFICER', 'ELIGIBILITY_OFFICER', 'DECISION_MAKER', 'APPEALS_OFFICER', 'PROTECTION_MONITOR')")
    DecisionLetters.Letter letter(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(required = false) String language) {
        return letters.letter(caller, id, language);
    }
}
