package org.pana.matching;

import java.util.List;

/**
 * One reason behind a score, as a caseworker reads it: a message code (the key
 * {@code matching.reason.<code>} in the message bundles) and its arguments, e.g.
 * {@code given-name-transliteration} with {@code ["Мухаммад", "Muhammad"]}.
 */
public record MatchReason(String code, List<String> arguments) {

    public MatchReason {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public static MatchReason of(String code, String... arguments) {
        return new MatchReason(code, List.of(arguments));
    }

    /** The message key that renders this reason: {@code matching.reason.<code>}, arguments as {0}, {1}. */
    public String messageKey() {
        return "matching.reason." + code;
    }
}
