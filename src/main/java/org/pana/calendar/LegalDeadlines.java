package org.pana.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pana.platform.FieldText;
import org.pana.platform.RuleViolation;
import org.pana.platform.RuleViolation.FieldProblem;
import org.pana.platform.StateConflict;
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

    /** Ten years of days or hours: far beyond any legal deadline. */
    static final int MAX_AMOUNT = 3650;

    private final WorkingCalendar calendar;
    private final CalendarQueries queries;
    private final Clock clock;

    LegalDeadlines(WorkingCalendar calendar, CalendarQueries queries, Clock clock) {
        this.calendar = calendar;
        this.queries = queries;
        this.clock = clock;
    }

    /** All the jurisdiction's deadline rules, by procedure and step, every version in order of its effective day. */
    public List<DeadlineRule> rules(String jurisdiction) {
        return queries.deadlineRules(calendar.jurisdiction(jurisdiction).code());
    }

    /** The version of the rule in force today in the jurisdiction. */
    public DeadlineRule rule(String jurisdiction, String procedure, String step) {
        String code = calendar.jurisdiction(jurisdiction).code();
        return rule(code, procedure, step, calendar.today(code));
    }

    /** The version of the rule in force on {@code on}. */
    public DeadlineRule rule(String jurisdiction, String procedure, String step, LocalDate on) {
        String code = calendar.jurisdiction(jurisdiction).code();
        return queries.deadlineRule(code, upper(procedure), upper(step), on)
                .orElseThrow(() -> new UnknownDeadlineRule(code, upper(procedure), upper(step)));
    }

    /**
     * The due date of a step counted from a date (the date of registration, of the decision, of expiry), under the
     * version of the rule in force on that date. A rule in hours needs
     * {@link #dueDate(String, String, String, Instant)} and is refused here (422).
     */
    public Deadline dueDate(String jurisdiction, String procedure, String step, LocalDate start) {
        return dueDate(jurisdiction, procedure, step, start, start);
    }

    /**
     * The due date of a step of a case, under the version of the rule in force on {@code rulesOf}: the day the case
     * was opened, so that a rule changed later applies to cases opened after its effective day (issue 5, item 8).
     */
    public Deadline dueDate(String jurisdiction, String procedure, String step, LocalDate start, LocalDate rulesOf) {
        DeadlineRule rule = rule(jurisdiction, procedure, step, rulesOf);
        return rule.dueFrom(start, calendar.calendarOf(rule.jurisdiction()));
    }

    /**
     * The due date of a step counted from an instant, under the rule in force on its date: a rule in hours gives the
     * exact {@link Deadline#dueAt()}; a rule in days or months counts from the instant's date in the jurisdiction's
     * time zone.
     */
    public Deadline dueDate(String jurisdiction, String procedure, String step, Instant start) {
        Jurisdiction where = calendar.jurisdiction(jurisdiction);
        DeadlineRule rule = rule(where.code(), procedure, step, LocalDate.ofInstant(start, where.zone()));
        return rule.dueFrom(start, where.zone(), calendar.calendarOf(rule.jurisdiction()));
    }

    /**
     * A new version of an existing rule, taking effect on {@code change.validFrom()}: today or later, never in the
     * past, so no case's deadlines move under it. Cases opened before keep the version they were opened under.
     */
    @Transactional
    public DeadlineRule change(String jurisdiction, RuleChange change, String recordedBy) {
        String code = calendar.jurisdiction(jurisdiction).code();
        List<FieldProblem> problems = new ArrayList<>();
        String procedure = upper(change.procedure());
        String step = upper(change.step());
        if (!queries.deadlineRuleExists(code, procedure, step)) {
            problems.add(new FieldProblem("step", "No rule " + procedure + "/" + step + " exists to change."));
        }
        if (change.amount() == null || change.amount() < 0 || change.amount() > MAX_AMOUNT) {
            problems.add(new FieldProblem("amount", "The amount is 0 to " + MAX_AMOUNT + "."));
        }
        if (change.unit() == null) problems.add(new FieldProblem("unit", "Use CALENDAR_DAYS, WORKING_DAYS, HOURS or MONTHS."));
        if (change.direction() == null) problems.add(new FieldProblem("direction", "Use AFTER or BEFORE."));
        String countedFrom = FieldText.line(change.countedFrom(), "countedFrom", 200, problems);
        if (countedFrom == null && problems.stream().noneMatch(p -> p.field().equals("countedFrom"))) {
            problems.add(new FieldProblem("countedFrom", "Say which event the deadline is counted from."));
        }
        String basis = FieldText.line(change.basis(), "basis", 500, problems);
        if (basis == null && problems.stream().noneMatch(p -> p.field().equals("basis"))) {
            problems.add(new FieldProblem("basis", "Give the legal basis of the new rule."));
        }
        LocalDate today = calendar.today(code);
        if (change.validFrom() == null) problems.add(new FieldProblem("validFrom", "Say from which day the new rule applies."));
        else if (change.validFrom().isBefore(today)) {
            problems.add(new FieldProblem("validFrom", "A rule changes from today (" + today + ") or later, never in the past."));
        }
        if (!problems.isEmpty()) throw new RuleViolation("validation", "The rule change has invalid fields.", problems);
        DeadlineRule rule = new DeadlineRule(code, procedure, step, change.amount(), change.unit(), change.direction(), countedFrom, basis,
                Boolean.TRUE.equals(change.confirmed()), Boolean.TRUE.equals(change.endsOnWorkingDay()), change.validFrom());
        if (queries.deadlineRule(code, procedure, step, change.validFrom()).filter(r -> r.validFrom().equals(change.validFrom())).isPresent()) {
            throw new StateConflict("rule-version-exists", "A version of " + procedure + "/" + step + " already takes effect on "
                    + change.validFrom() + ": rules are never overwritten; choose another day.");
        }
        queries.addDeadlineRule(rule, recordedBy, clock.instant());
        return rule;
    }

    /** A change of a deadline rule, as an administrator records it. */
    public record RuleChange(String procedure, String step, Integer amount, DeadlineUnit unit, DeadlineDirection direction, String countedFrom,
            String basis, Boolean confirmed, Boolean endsOnWorkingDay, LocalDate validFrom) {}

    private static String upper(String code) {
        return code == null ? "" : code.toUpperCase(Locale.ROOT);
    }
}
