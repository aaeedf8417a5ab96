package org.pana.registration;

import java.util.List;
import java.util.Locale;
import org.pana.matching.MatchReason;
import org.springframework.context.MessageSource;

/**
 * Renders matching's reasons in the reader's language from the message keys
 * {@code matching.reason.<code>}; a reason whose key is missing shows its code.
 */
public final class MatchReasonTexts {

    private MatchReasonTexts() {}

    public static List<String> render(MessageSource messages, List<MatchReason> reasons, Locale locale) {
        return reasons.stream()
                .map(r -> messages.getMessage("matching.reason." + r.code(), r.arguments().toArray(), r.code(), locale))
                .toList();
    }
}
