package org.pana.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline computed from a {@link DeadlineRule} and a start.
 *
 * @param dueDate the last day (for a rule counted before an event: the day to act on), in the
 *     jurisdiction's time zone
 * @param dueAt for a rule in hours, the exact instant; null for rules in days or months
 */
public record Deadline(DeadlineRule rule, LocalDate dueDate, Instant dueAt) {

    /** The rule's legal basis, to show next to the date. */
    public String basis() {
        return rule.basis();
    }

    /** False when the rule is a default not yet confirmed against the official text ([C] in domain.md). */
    public boolean confirmed() {
        return rule.confirmed();
    }
}
