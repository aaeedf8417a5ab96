package org.pana.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pana.platform.RuleViolation;

/**
 * One jurisdiction's working days, computed from its data: weekly days of rest, public holidays, and
 * decree transfers. Plain Java, so the arithmetic is tested without Spring.
 *
 * <p>The rule (domain.md, "Calendar (Kazakhstan)"): when a holiday that moves falls on a weekend day,
 * the next day that is not a weekend day, not a holiday and not already a day off (moved, or by decree)
 * becomes a day off. Holidays are taken in date order, so Nauryz on Saturday 21 and Sunday 22 March 2026
 * gives Tuesday 24 and Wednesday 25 (Monday 23 is itself Nauryz). A decree transfer decides its date,
 * whatever the weekend and holiday rules say.
 *
 * <p>A year is covered when at least one holiday of it is recorded. Every question about a day in an
 * uncovered year throws {@link HolidayDataMissing}: counting only weekends there would silently give
 * wrong legal deadlines.
 */
final class JurisdictionCalendar {

    private final String jurisdiction;
    private final Set<DayOfWeek> weekend;
    private final NavigableMap<LocalDate, PublicHoliday> holidays = new TreeMap<>();
    private final NavigableMap<LocalDate, DayTransfer> transfers = new TreeMap<>();
    private final NavigableMap<LocalDate, PublicHoliday> movedDaysOff;
    private final SortedSet<Integer> years = new TreeSet<>();

    JurisdictionCalendar(String jurisdiction, Set<DayOfWeek> weekend, Collection<PublicHoliday> holidays,
            Collection<DayTransfer> transfers) {
        if (weekend.size() >= DayOfWeek.values().length) {
            throw new IllegalArgumentException("A week needs at least one working day: " + jurisdiction);
        }
        this.jurisdiction = jurisdiction;
        this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
        holidays.forEach(h -> this.holidays.put(h.date(), h));
        transfers.forEach(t -> this.transfers.put(t.date(), t));
        holidays.forEach(h -> years.add(h.date().getYear()));
        this.movedDaysOff = moveHolidaysOffWeekends();
    }

    String jurisdiction() {
        return jurisdiction;
    }

    /** The years whose holidays are recorded, in order. */
    SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(years);
    }

    boolean covers(int year) {
        return years.contains(year);
    }

    boolean isWorkingDay(LocalDate day) {
        requireCovered(day.getYear());
        DayTransfer transfer = transfers.get(day);
        if (transfer != null) {
            return transfer.becomes() == DayTransfer.Becomes.WORKING_DAY;
        }
        return !isWeekend(day) && !holidays.containsKey(day) && !movedDaysOff.containsKey(day);
    }

    /** The day on which {@code days} working days after {@code from} have passed; {@code from} itself is not counted. */
    LocalDate addWorkingDays(LocalDate from, int days) {
        return countWorkingDays(from, days, 1);
    }

    /** The day {@code days} working days before {@code from}; {@code from} itself is not counted. */
    LocalDate subtractWorkingDays(LocalDate from, int days) {
        return countWorkingDays(from, days, -1);
    }

    /** {@code day} if it is a working day, otherwise the first working day after it. */
    LocalDate workingDayOnOrAfter(LocalDate day) {
        LocalDate result = day;
        while (!isWorkingDay(result)) result = result.plusDays(1);
        return result;
    }

    /** {@code day} if it is a working day, otherwise the last working day before it. */
    LocalDate workingDayOnOrBefore(LocalDate day) {
        LocalDate result = day;
        while (!isWorkingDay(result)) result = result.minusDays(1);
        return result;
    }

    /** The year's days off other than plain weekend days, in date order. */
    List<DayOff> daysOff(int year) {
        requireCovered(year);
        Map<LocalDate, DayOff> daysOff = new TreeMap<>();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        for (PublicHoliday holiday : holidays.subMap(first, true, last, true).values()) {
            if (!madeWorkingByDecree(holiday.date())) {
                daysOff.put(holiday.date(), new DayOff(holiday.date(), DayOffKind.PUBLIC_HOLIDAY, holiday.name(), null,
                        holiday.basis()));
            }
        }
        movedDaysOff.subMap(first, true, last, true).forEach((day, holiday) -> {
            if (!madeWorkingByDecree(day)) {
                daysOff.putIfAbsent(day, new DayOff(day, DayOffKind.MOVED_DAY_OFF, holiday.name(), holiday.date(),
                        holiday.basis()));
            }
        });
        for (DayTransfer transfer : transfers.subMap(first, true, last, true).values()) {
            if (transfer.becomes() == DayTransfer.Becomes.DAY_OFF) {
                daysOff.putIfAbsent(transfer.date(), new DayOff(transfer.date(), DayOffKind.DECREE_DAY_OFF,
                        transfer.reason(), null, transfer.basis()));
            }
        }
        return new ArrayList<>(daysOff.values());
    }

    private LocalDate countWorkingDays(LocalDate from, int days, int step) {
        if (days < 0) {
            throw RuleViolation.onField("days", "The number of working days must be 0 or more.");
        }
        LocalDate day = from;
        for (int left = days; left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) left--;
        }
        return day;
    }

    private NavigableMap<LocalDate, PublicHoliday> moveHolidaysOffWeekends() {
        NavigableMap<LocalDate, PublicHoliday> moved = new TreeMap<>();
        for (PublicHoliday holiday : holidays.values()) {
            if (!holiday.movesIfWeekend() || !isWeekend(holiday.date())) continue;
            LocalDate day = holiday.date().plusDays(1);
            while (isWeekend(day) || holidays.containsKey(day) || moved.containsKey(day) || madeDayOffByDecree(day)) {
                day = day.plusDays(1);
            }
            moved.put(day, holiday);
        }
        return moved;
    }

    private boolean isWeekend(LocalDate day) {
        return weekend.contains(day.getDayOfWeek());
    }

    private boolean madeDayOffByDecree(LocalDate day) {
        DayTransfer transfer = transfers.get(day);
        return transfer != null && transfer.becomes() == DayTransfer.Becomes.DAY_OFF;
    }

    private boolean madeWorkingByDecree(LocalDate day) {
        DayTransfer transfer = transfers.get(day);
        return transfer != null && transfer.becomes() == DayTransfer.Becomes.WORKING_DAY;
    }

    private void requireCovered(int year) {
        if (!years.contains(year)) throw new HolidayDataMissing(jurisdiction, year);
    }
}
