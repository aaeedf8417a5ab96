package org.pana.platform;

import java.util.List;
import java.util.regex.Pattern;
import org.pana.platform.RuleViolation.FieldProblem;

/**
 * Free text typed into a field, checked the same way in every module: surrounding spaces dropped, blank as
 * absent, a length limit, and no control characters, line or paragraph separators, bidirectional overrides or
 * broken surrogate pairs (they forge log lines and make a name read differently than it is stored).
 */
public final class FieldText {

    private static final Pattern UNSAFE_IN_LINE = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");
    /** The same, but line breaks and tabs are allowed (a statement in the person's own words). */
    private static final Pattern UNSAFE_IN_LINES = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    private FieldText() {}

    /** One line of text, or null when blank; adds a problem (and returns null) when too long or unsafe. */
    public static String line(String value, String field, int max, List<FieldProblem> problems) {
        return checked(value, field, max, UNSAFE_IN_LINE, problems);
    }

    /** Text that may run over several lines; otherwise as {@link #line}. */
    public static String lines(String value, String field, int max, List<FieldProblem> problems) {
        return checked(value, field, max, UNSAFE_IN_LINES, problems);
    }

    private static String checked(String value, String field, int max, Pattern unsafe, List<FieldProblem> problems) {
        if (value == null) return null;
        String stripped = value.strip();
        if (stripped.isEmpty()) return null;
        if (stripped.length() > max) {
            problems.add(new FieldProblem(field, "Use at most " + max + " characters."));
            return null;
        }
        if (unsafe.matcher(stripped).find() || brokenSurrogates(stripped)) {
            problems.add(new FieldProblem(field, "Remove control characters and direction overrides."));
            return null;
        }
        return stripped;
    }

    private static boolean brokenSurrogates(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) return true;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
