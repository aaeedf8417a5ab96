package org.pana.registration.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.pana.platform.StateConflict;
import org.pana.registration.ProtectionReviewItem;
import org.pana.registration.ProtectionReviews;
import org.pana.registration.ResultPage;
import org.pana.registration.SpecificNeedCatalogue;
import org.pana.registration.SpecificNeedCode;
import org.springframework.beans.factory.annotation.Value;
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

/** The specific needs flagged in the jurisdiction and awaiting protection staff's review. */
@Controller
@RequestMapping("/protection-review")
@PreAuthorize("hasAnyRole('PROTECTION_MONITOR','REGISTRATION_OFFICER')")
class ProtectionReviewController {

    static final int PAGE_SIZE = 25;

    private final ProtectionReviews reviews;
    private final SpecificNeedCatalogue catalogue;
    private final MessageSource messages;
    private final ZoneId zone;

    ProtectionReviewController(ProtectionReviews reviews, SpecificNeedCatalogue catalogue, MessageSource messages,
            @Value("${pana.registration.time-zone:Asia/Almaty}") ZoneId zone) {
        this.reviews = reviews;
        this.catalogue = catalogue;
        this.messages = messages;
        this.zone = zone;
    }

    /** An item as listed: the need's name in the reader's language and when it was flagged. */
    record ReviewLine(ProtectionReviewItem item, String need, String flaggedAt) {}

    @GetMapping
    String open(@AuthenticationPrincipal PanaUser caller, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        int shown = Math.max(0, Math.min(page, 100_000));
        ResultPage<ProtectionReviewItem> items = reviews.open(caller, shown, PAGE_SIZE);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(CodeNames.dayFirst(locale)).withZone(zone);
        model.addAttribute("items", items);
        model.addAttribute("lines", items.items().stream().map(i -> new ReviewLine(i, label(i.needCode(), locale), format.format(i.flaggedAt())))
                .toList());
        model.addAttribute("previousPage", shown > 0 ? shown - 1 : null);
        model.addAttribute("nextPage", (long) (shown + 1) * PAGE_SIZE < items.total() ? shown + 1 : null);
        return "registration/protection-review";
    }

    @PostMapping("/{id}/reviewed")
    String reviewed(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            ProtectionReviewItem item = reviews.markReviewed(caller, id);
            redirect.addFlashAttribute("reviewed", item.registrationNumber());
        } catch (StateConflict e) {
            redirect.addFlashAttribute("alreadyReviewed", true);
        }
        return "redirect:/protection-review";
    }

    private String label(String code, Locale locale) {
        String description = catalogue.find(code).map(SpecificNeedCode::description).orElse(code);
        return messages.getMessage("persons.need." + code, null, description, locale);
    }
}
