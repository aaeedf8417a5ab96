package org.pana.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.pana.platform.RuleViolation;

/**
 * A legal deadline of one procedure step in one jurisdiction, as data (architecture.md, "Time and
 * deadlines"): {@code amount} {@code unit}s {@code direction} the event named in {@code countedFrom}.
 *
 * @param procedure the procedure's code, e.g. {@code ASYLUM}
 * @param step the step's code, e.g. {@code NOTIFICATION}
 * @param basis the legal basis shown to users, e.g. "Law "On Refugees" ..., Art. 11(1)"
 * @param confirmed true when the rule was read in the official text ([V] in domain.md); false for a
 *     default awaiting a lawyer's check ([C]), which pages must show as such
 * @param endsOnWorkingDay for calendar days and months: a deadline whose last day is not a working day
 *     ends on the nearest working day (later when counted after, earlier when counted before)
 * @param validFrom the day this version of the rule takes effect; {@link #FROM_THE_START} for the versions the
 *     calendar was set up with. A case is counted under the version in force on the day it was opened.
 */
public record DeadlineRule(String jurisdiction, String procedure, String step, int amount, DeadlineUnit unit,
        DeadlineDirection direction, String countedFrom, String basis, boolean confirmed, boolean endsOnWorkingDay,
        LocalDate validFrom) {

    /** The effective day of the versions the calendar was set up with (V0060): before any case. */
    public static final LocalDate FROM_THE_START = LocalDate.of(1900, 1, 1);

    /** True for a version that changed the rule, rather than the one the calendar was set up with. */
    public boolean changed() {
        return validFrom != null && validFrom.isAfter(FROM_THE_START);
    }

    /** The deadline counted from a date; a rule in hours needs the instant instead. */
    Deadline dueFrom(LocalDate start, JurisdictionCalendar calendar) {
        boolean after = direction == DeadlineDirection.AFTER;
        LocalDate due = switch (unit) {
            case CALENDAR_DAYS -> after ? start.plusDays(amount) : start.minusDays(amount);
            case MONTHS -> after ? start.plusMonths(amount) : start.minusMonths(amount);
            case WORKING_DAYS -> after ? calendar.addWorkingDays(start, amount) : calendar.subtractWorkingDays(start, amount);
            case HOURS -> throw new RuleViolation("deadline-needs-instant", "The deadline " + procedure + "/" + step
                    + " is counted in hours: give the instant it starts from, not a date.");
        };
        if (endsOnWorkingDay && unit != DeadlineUnit.WORKING_DAYS) {
            due = after ? calendar.workingDayOnOrAfter(due) : calendar.workingDayOnOrBefore(due);
        }
        return new Deadline(this, due, null);
    }

    /** The deadline counted from an instant: hours from the instant, days and months from its date in {@code zone}. */
    Deadline dueFrom(Instant start, ZoneId zone, JurisdictionCalendar calendar) {
        if (unit != DeadlineUnit.HOURS) {
            return dueFrom(LocalDate.ofInstant(start, zone), calendar);
        }
        Duration hours = Duration.ofHours(amount);
        Instant dueAt = direction == DeadlineDirection.AFTER ? start.plus(hours) : start.minus(hours);
        return new Deadline(this, LocalDate.ofInstant(dueAt, zone), dueAt);
    }
}
