package org.pana.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal deadlines of each procedure step, read from data (architecture.md, "Time and deadlines";
 * Kazakhstan's asylum steps from domain.md, "Asylum procedure"). Modules ask for a step's due date and
 * show its basis, with unconfirmed defaults ([C]) marked by {@link Deadline#confirmed()} being false.
 *
 * <p>Procedure and step codes are upper case ({@code ASYLUM}, {@code NOTIFICATION}); an unknown
 * jurisdiction or rule is {@link org.pana.platform.NotFound} (404). Working-day rules fail with
 * {@link HolidayDataMissing} beyond the recorded years, as {@link WorkingCalendar} does.
 */
@Service
@Transactional(readOnly = true)
public class LegalDeadlines {

    private final WorkingCalendar calendar;
    private final CalendarQueries queries;

    LegalDeadlines(WorkingCalendar calendar, CalendarQueries queries) {
        this.calendar = calendar;
        this.queries = queries;
    }

    /** All the jurisdiction's deadline rules, by procedure and step. */
    public List<DeadlineRule> rules(String jurisdiction) {
        return queries.deadlineRules(calendar.jurisdiction(jurisdiction).code());
    }

    public DeadlineRule rule(String jurisdiction, String procedure, String step) {
        String code = calendar.jurisdiction(jurisdiction).code();
        return queries.deadlineRule(code, upper(procedure), upper(step))
                .orElseThrow(() -> new UnknownDeadlineRule(code, upper(procedure), upper(step)));
    }

    /**
     * The due date of a step counted from a date (the date of registration, of the decision, of expiry).
     * A rule in hours needs {@link #dueDate(String, String, String, Instant)} and is refused here (422).
     */
    public Deadline dueDate(String jurisdiction, String procedure, String step, LocalDate start) {
        DeadlineRule rule = rule(jurisdiction, procedure, step);
        return rule.dueFrom(start, calendar.calendarOf(rule.jurisdiction()));
    }

    /**
     * The due date of a step counted from an instant: a rule in hours gives the exact {@link Deadline#dueAt()};
     * a rule in days or months counts from the instant's date in the jurisdiction's time zone.
     */
    public Deadline dueDate(String jurisdiction, String procedure, String step, Instant start) {
        DeadlineRule rule = rule(jurisdiction, procedure, step);
        return rule.dueFrom(start, calendar.jurisdiction(rule.jurisdiction()).zone(),
                calendar.calendarOf(rule.jurisdiction()));
    }

    private static String upper(String code) {
        return code == null ? "" : code.toUpperCase(Locale.ROOT);
    }
}
