package org.pana.registration.review;

import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.RuleViolation;
import org.pana.platform.StateConflict;
import org.pana.platform.Versions;
import org.pana.registration.MatchReasonTexts;
import org.pana.registration.PersonView;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The duplicate review pages: the queue, the side-by-side comparison, and the decisions. */
@Controller
@RequestMapping("/duplicates")
@PreAuthorize("hasRole('REGISTRATION_OFFICER')")
class DuplicateReviewPages {

    static final int PAGE_SIZE = 20;

    private final DuplicateReviews reviews;
    private final MessageSource messages;

    DuplicateReviewPages(DuplicateReviews reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("reviews", reviews.open(caller, Math.max(0, page), PAGE_SIZE));
        return "registration/duplicates";
    }

    @GetMapping("/{id}")
    String comparison(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, Model model, Locale locale) {
        DuplicateReviews.Comparison comparison = reviews.compare(caller, id);
        model.addAttribute("comparison", comparison);
        model.addAttribute("review", comparison.review());
        model.addAttribute("a", comparison.a());
        model.addAttribute("b", comparison.b());
        model.addAttribute("differing", comparison.differing());
        model.addAttribute("reasons", MatchReasonTexts.render(messages, comparison.reasons(), locale));
        model.addAttribute("older", older(comparison.a(), comparison.b()).id());
        return "registration/duplicate";
    }

    @PostMapping("/{id}/same-person")
    String samePerson(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(required = false) UUID survivorId,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return decide(id, redirect, "duplicate.merged", () -> reviews.samePerson(caller, id, survivorId, version));
    }

    @PostMapping("/{id}/not-same-person")
    String notSamePerson(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return decide(id, redirect, "duplicate.distinct", () -> reviews.notSamePerson(caller, id, version));
    }

    @PostMapping("/{id}/undo-merge")
    String undoMerge(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return decide(id, redirect, "duplicate.undone", () -> reviews.undoMerge(caller, id, version));
    }

    private String decide(UUID id, RedirectAttributes redirect, String done, Runnable decision) {
        try {
            decision.run();
            redirect.addFlashAttribute("done", done);
        } catch (StateConflict e) {
            redirect.addFlashAttribute("failure", "duplicate.conflict." + e.type());
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("failure", "duplicate.conflict.choose-survivor");
        } catch (Versions.PreconditionFailed e) {
            redirect.addFlashAttribute("failure", "duplicate.conflict.decided-meanwhile");
        }
        return "redirect:/duplicates/" + id;
    }

    /** The record registered first: kept by default. */
    static PersonView older(PersonView a, PersonView b) {
        return Comparator.comparing(PersonView::createdAt).thenComparing(PersonView::registrationNumber).compare(a, b) <= 0 ? a : b;
    }
}
