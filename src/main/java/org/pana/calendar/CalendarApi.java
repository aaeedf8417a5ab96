package org.pana.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.pana.platform.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar's JSON API (api.md, "Calendar"), read-only.
 *
 * <p>Errors are problem+json: a missing or malformed {@code from}, {@code days} or {@code year} is 400;
 * an unknown jurisdiction is 404; {@code days} below 0 or above {@value #MAX_DAYS}, and any year whose
 * holidays are not recorded, are 422. Holiday names come in all three languages ({@code names}) and in
 * the caller's language ({@code name}: {@code ?lang=ru|kk}, English by default).
 */
@RestController
@RequestMapping("/api/v1/calendar/{jurisdiction}")
class CalendarApi {

    /** About fourteen years of working days: far beyond any legal deadline, small enough to count quickly. */
    static final int MAX_DAYS = 3650;

    private final WorkingCalendar calendar;
    private final LegalDeadlines deadlines;

    CalendarApi(WorkingCalendar calendar, LegalDeadlines deadlines) {
        this.calendar = calendar;
        this.deadlines = deadlines;
    }

    @GetMapping("/add-working-days")
    WorkingDaysAdded addWorkingDays(@PathVariable String jurisdiction,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw RuleViolation.onField("days", "The number of working days must be from 0 to " + MAX_DAYS + ".");
        }
        return new WorkingDaysAdded(from, days, calendar.addWorkingDays(jurisdiction, from, days));
    }

    /** The year's days off other than weekends; {@code year} defaults to the current year in the jurisdiction. */
    @GetMapping("/holidays")
    Holidays holidays(@PathVariable String jurisdiction, @RequestParam(required = false) Integer year, Locale locale) {
        String code = calendar.jurisdiction(jurisdiction).code();
        int shown = year != null ? year : calendar.today(code).getYear();
        List<Holidays.Item> items = calendar.daysOff(code, shown).stream()
                .map(day -> new Holidays.Item(day.date(), day.kind(), day.name().in(locale), day.name(), day.movedFrom(),
                        day.basis()))
                .toList();
        return new Holidays(code, shown, items);
    }

    @GetMapping("/deadline-rules")
    DeadlineRules deadlineRules(@PathVariable String jurisdiction) {
        String code = calendar.jurisdiction(jurisdiction).code();
        return new DeadlineRules(code, deadlines.rules(code));
    }

    /**
     * A new version of a rule, from its effective day (administrators): cases opened before that day keep the
     * version they were opened under. Answers 201 with the version recorded; 409 if a version already takes effect
     * that day; 422 for a day in the past or an invalid field.
     */
    @PostMapping("/deadline-rules")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<DeadlineRule> changeRule(@PathVariable String jurisdiction, @RequestBody LegalDeadlines.RuleChange change,
            Authentication caller) {
        DeadlineRule rule = deadlines.change(jurisdiction, change, caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(rule);
    }

    record WorkingDaysAdded(LocalDate from, int days, LocalDate date) {}

    record Holidays(String jurisdiction, int year, List<Item> items) {

        record Item(LocalDate date, DayOffKind kind, String name, LocalizedName names, LocalDate movedFrom, String basis) {}
    }

    record DeadlineRules(String jurisdiction, List<DeadlineRule> items) {}
}
