package org.pana.asylum;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.pana.access.PanaUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The printable decision letter, reached from the case page. The page around it speaks the reader's language; the
 * letter is in the language chosen among those offered for this applicant (by default the reader's, if it is an
 * official one, else Russian).
 */
@Controller
@RequestMapping("/asylum/applications")
class DecisionLetterPage {

    /** Each template language by its own name, for the switch. */
    static final Map<String, String> LANGUAGE_NAMES = Map.of("ru", "Русский", "kk", "Қазақша", "en", "English");

    /** A language the letter may be read in, by its own name; {@code official} for the authority's languages. */
    record LanguageChoice(String code, String name, boolean official) {}

    private final DecisionLetters letters;

    DecisionLetterPage(DecisionLetters letters) {
        this.letters = letters;
    }

    @GetMapping("/{id}/decision-letter")
    @PreAuthorize("hasAnyRole('REGISTRATION_OFFICER', 'ELIGIBILITY_OFFICER', 'DECISION_MAKER', 'APPEALS_OFFICER', 'PROTECTION_MONITOR')")
    String letter(@AuthenticationPrincipal PanaUser caller, @PathVariable UUID id, @RequestParam(required = false) String language,
            Model model, Locale locale) {
        String chosen = language != null ? language
                : DecisionLetters.OFFICIAL.contains(locale.getLanguage()) ? locale.getLanguage() : DecisionLetters.OFFICIAL.get(0);
        DecisionLetters.Letter letter = letters.letter(caller, id, chosen);
        model.addAttribute("letter", letter);
        model.addAttribute("languages", letter.languages().stream()
                .map(l -> new LanguageChoice(l, LANGUAGE_NAMES.get(l), DecisionLetters.OFFICIAL.contains(l))).toList());
        return "asylum/decision-letter";
    }
}
