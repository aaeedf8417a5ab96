package org.pana.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working-day arithmetic in a jurisdiction's calendar: weekends, public holidays, holidays moved off a
 * weekend to the next working day, and days moved by decree (domain.md, "Calendar (Kazakhstan)").
 *
 * <p>Every method throws {@link UnknownJurisdiction} (404) for a jurisdiction without a calendar, and
 * {@link HolidayDataMissing} (422) when it would have to look at a day in a year whose holidays are not
 * recorded: a deadline counted without that year's holidays could be wrong, so it is refused.
 * Jurisdiction codes are ISO 3166-1 alpha-3 ({@code KAZ}), case-insensitive.
 */
@Service
@Transactional(readOnly = true)
public class WorkingCalendar {

    private final CalendarQueries queries;
    private final Clock clock;

    WorkingCalendar(CalendarQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public boolean isWorkingDay(String jurisdiction, LocalDate day) {
        return calendarOf(jurisdiction).isWorkingDay(day);
    }

    /**
     * The day on which {@code days} working days after {@code from} have passed. {@code from} itself is
     * not counted, so 0 days gives {@code from}, and 1 day from a Friday before a weekend gives Monday
     * (or later, past holidays). Negative days are refused (422).
     */
    public LocalDate addWorkingDays(String jurisdiction, LocalDate from, int days) {
        return calendarOf(jurisdiction).addWorkingDays(from, days);
    }

    /** The year's public holidays, moved days off and decree days off, in date order. */
    public List<DayOff> daysOff(String jurisdiction, int year) {
        return calendarOf(jurisdiction).daysOff(year);
    }

    /** The years whose public holidays are recorded, in order: the years working days can be counted in. */
    public SortedSet<Integer> years(String jurisdiction) {
        return calendarOf(jurisdiction).years();
    }

    /** Today's date in the jurisdiction's time zone. */
    public LocalDate today(String jurisdiction) {
        return LocalDate.ofInstant(clock.instant(), jurisdiction(jurisdiction).zone());
    }

    /** The jurisdiction's name in English, Russian and Kazakh. */
    public LocalizedName nameOf(String jurisdiction) {
        return jurisdiction(jurisdiction).name();
    }

    Jurisdiction jurisdiction(String code) {
        String normalized = code == null ? "" : code.toUpperCase(Locale.ROOT);
        return queries.jurisdiction(normalized).orElseThrow(() -> new UnknownJurisdiction(normalized));
    }

    JurisdictionCalendar calendarOf(String code) {
        return queries.calendarOf(jurisdiction(code).code());
    }
}
