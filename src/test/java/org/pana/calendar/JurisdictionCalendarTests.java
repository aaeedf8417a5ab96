package org.pana.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.pana.calendar.CalendarFixtures.decree;
import static org.pana.calendar.CalendarFixtures.fixedHoliday;
import static org.pana.calendar.CalendarFixtures.kazakhstan;
import static org.pana.calendar.CalendarFixtures.movingHoliday;
import static org.pana.calendar.CalendarFixtures.saturdayAndSunday;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pana.platform.RuleViolation;

/** Working-day arithmetic on Kazakhstan's seeded 2025–2027 calendar, without Spring. */
class JurisdictionCalendarTests {

    private final JurisdictionCalendar kazakhstan = kazakhstan();

    @Test
    void readsTheFifteenSeededHolidaysOfEachYear() {
        assertThat(CalendarFixtures.seededKazakhHolidays()).hasSize(45);
        assertThat(kazakhstan.years()).containsExactly(2025, 2026, 2027);
    }

    @Test
    void countsTheApiExamplePastNauryzAndItsTwoMovedDaysOff() {
        // Fri 20 March 2026; Sat 21 and Sun 22 are Nauryz on a weekend, Mon 23 is Nauryz,
        // so Tue 24 and Wed 25 are the moved days off: 26, 27, 30, 31 March and 1 April count.
        assertThat(kazakhstan.addWorkingDays(LocalDate.parse("2026-03-20"), 5)).isEqualTo("2026-04-01");
    }

    @Test
    void givesTheStartDayBackForZeroWorkingDays() {
        assertThat(kazakhstan.addWorkingDays(LocalDate.parse("2026-03-21"), 0)).isEqualTo("2026-03-21");
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2026-01-09, 1, 2026-01-12",   // Friday to Monday
        "2026-12-15, 1, 2026-12-17",   // past Independence Day, Wednesday 16 December 2026
        "2026-05-26, 1, 2026-05-28",   // past Kurban Ait, Wednesday 27 May 2026
        "2026-05-06, 1, 2026-05-08",   // past Defender of the Fatherland Day, Thursday 7 May
        "2026-05-08, 1, 2026-05-12",   // Victory Day on Saturday 9 May moves to Monday 11 May
        "2025-12-31, 1, 2026-01-05",   // New Year, 1–2 January 2026 (Thu–Fri), then the weekend
        "2027-03-19, 1, 2027-03-25",   // Nauryz 2027: Sun 21 (moved to Wed 24), Mon 22, Tue 23
        "2027-05-14, 1, 2027-05-17",   // Kurban Ait on Sunday 16 May 2027 is not moved
    })
    void skipsWeekendsHolidaysAndMovedDaysOff(LocalDate from, int days, LocalDate expected) {
        assertThat(kazakhstan.addWorkingDays(from, days)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        // 8 Mar Sat -> 10; Nauryz 22 Sat, 23 Sun (21 Fri) -> 24, 25; 6 Jul Sun -> 7; 30 Aug Sat -> 1 Sep; 25 Oct Sat -> 27
        "2025; 2025-03-10 2025-03-24 2025-03-25 2025-07-07 2025-09-01 2025-10-27",
        // 8 Mar Sun -> 9; Nauryz 21 Sat, 22 Sun (23 Mon) -> 24, 25; 9 May Sat -> 11; 30 Aug Sun -> 31; 25 Oct Sun -> 26
        "2026; 2026-03-09 2026-03-24 2026-03-25 2026-05-11 2026-08-31 2026-10-26",
        // 2 Jan Sat -> 4; Nauryz 21 Sun (22, 23 Mon-Tue) -> 24; 1 May Sat -> 3; 9 May Sun -> 10; Kurban Ait 16 May Sun stays
        "2027; 2027-01-04 2027-03-24 2027-05-03 2027-05-10",
    })
    void movesHolidaysOnAWeekendToTheNextFreeWorkingDay(int year, String expected) {
        List<LocalDate> moved = kazakhstan.daysOff(year).stream()
                .filter(day -> day.kind() == DayOffKind.MOVED_DAY_OFF)
                .map(DayOff::date)
                .toList();

        assertThat(moved).containsExactlyElementsOf(Stream.of(expected.split(" ")).map(LocalDate::parse).toList());
        assertThat(moved).allSatisfy(day -> assertThat(kazakhstan.isWorkingDay(day)).isFalse());
    }

    @Test
    void namesAMovedDayOffAfterTheHolidayItReplaces() {
        DayOff tuesday = dayOff(2026, "2026-03-24");

        assertThat(tuesday.kind()).isEqualTo(DayOffKind.MOVED_DAY_OFF);
        assertThat(tuesday.movedFrom()).isEqualTo("2026-03-21");
        assertThat(tuesday.name().ru()).isEqualTo("Наурыз мейрамы");
        assertThat(dayOff(2026, "2026-03-25").movedFrom()).isEqualTo("2026-03-22");
    }

    @Test
    void listsEveryHolidayOfTheYearAndItsMovedDaysOffInDateOrder() {
        List<DayOff> daysOff = kazakhstan.daysOff(2026);

        assertThat(daysOff).hasSize(15 + 6);
        assertThat(daysOff).extracting(DayOff::date).isSorted();
        assertThat(daysOff).filteredOn(day -> day.kind() == DayOffKind.PUBLIC_HOLIDAY).extracting(DayOff::date)
                .contains(LocalDate.parse("2026-01-07"), LocalDate.parse("2026-03-21"), LocalDate.parse("2026-05-27"),
                        LocalDate.parse("2026-12-16"));
    }

    @Test
    void keepsKurbanAitOnASundayWithoutMovingIt() {
        assertThat(dayOff(2027, "2027-05-16").kind()).isEqualTo(DayOffKind.PUBLIC_HOLIDAY);
        assertThat(kazakhstan.isWorkingDay(LocalDate.parse("2027-05-17"))).isTrue();
    }

    @Test
    void keepsOrthodoxChristmasOnAWeekendWithoutMovingIt() {
        // 2023: New Year on Sunday 1 January (moves), Monday 2 January, Christmas on Saturday 7 January (does not move).
        JurisdictionCalendar calendar = new JurisdictionCalendar("KAZ", saturdayAndSunday(), List.of(
                movingHoliday("2023-01-01", "New Year"), movingHoliday("2023-01-02", "New Year"),
                fixedHoliday("2023-01-07", "Orthodox Christmas")), List.of());

        assertThat(calendar.isWorkingDay(LocalDate.parse("2023-01-03"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2023-01-09"))).isTrue();
        assertThat(calendar.daysOff(2023)).extracting(DayOff::date, DayOff::kind).containsExactly(
                tuple(LocalDate.parse("2023-01-01"), DayOffKind.PUBLIC_HOLIDAY),
                tuple(LocalDate.parse("2023-01-02"), DayOffKind.PUBLIC_HOLIDAY),
                tuple(LocalDate.parse("2023-01-03"), DayOffKind.MOVED_DAY_OFF),
                tuple(LocalDate.parse("2023-01-07"), DayOffKind.PUBLIC_HOLIDAY));
    }

    @Test
    void letsADecreeMakeAWeekendDayWorkingAndAWorkingDayOff() {
        JurisdictionCalendar calendar = kazakhstan(List.of(
                decree("2026-01-03", DayTransfer.Becomes.WORKING_DAY),
                decree("2026-01-05", DayTransfer.Becomes.DAY_OFF)));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-03"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-05"))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-12-31"), 1)).isEqualTo("2026-01-03");
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-12-31"), 2)).isEqualTo("2026-01-06");
        assertThat(calendar.daysOff(2026)).filteredOn(day -> day.kind() == DayOffKind.DECREE_DAY_OFF)
                .extracting(DayOff::date).containsExactly(LocalDate.parse("2026-01-05"));
    }

    @Test
    void letsADecreeCancelAMovedDayOff() {
        JurisdictionCalendar calendar = kazakhstan(List.of(decree("2026-03-25", DayTransfer.Becomes.WORKING_DAY)));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-25"))).isTrue();
        assertThat(calendar.daysOff(2026)).extracting(DayOff::date).doesNotContain(LocalDate.parse("2026-03-25"));
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-03-20"), 1)).isEqualTo("2026-03-25");
    }

    @Test
    void movesAWeekendHolidayPastADecreeDayOff() {
        // Women's Day on Sunday 8 March 2026 would move to Monday 9, which a decree already gives off.
        JurisdictionCalendar calendar = kazakhstan(List.of(decree("2026-03-09", DayTransfer.Becomes.DAY_OFF)));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-10"))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-03-06"), 1)).isEqualTo("2026-03-11");
    }

    @Test
    void countsBackwardsOverTheSameDaysOff() {
        assertThat(kazakhstan.subtractWorkingDays(LocalDate.parse("2026-04-01"), 5)).isEqualTo("2026-03-20");
    }

    @Test
    void refusesDaysInYearsWithoutHolidayData() {
        assertThatThrownBy(() -> kazakhstan.isWorkingDay(LocalDate.parse("2028-01-04")))
                .isInstanceOf(HolidayDataMissing.class)
                .hasMessageContaining("KAZ").hasMessageContaining("2028");
        assertThatThrownBy(() -> kazakhstan.addWorkingDays(LocalDate.parse("2027-12-28"), 5))
                .isInstanceOf(HolidayDataMissing.class);
        assertThatThrownBy(() -> kazakhstan.subtractWorkingDays(LocalDate.parse("2025-01-03"), 3))
                .isInstanceOf(HolidayDataMissing.class);
        assertThatThrownBy(() -> kazakhstan.daysOff(2024)).isInstanceOf(HolidayDataMissing.class);
    }

    @Test
    void refusesANegativeNumberOfWorkingDays() {
        assertThatThrownBy(() -> kazakhstan.addWorkingDays(LocalDate.parse("2026-03-20"), -1))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).errors()).extracting(RuleViolation.FieldProblem::field)
                        .containsExactly("days"));
    }

    @Test
    void refusesAWeekWithoutWorkingDays() {
        assertThatThrownBy(() -> new JurisdictionCalendar("XXX", EnumSet.allOf(DayOfWeek.class), List.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} + {1} working days")
    @MethodSource("randomStarts")
    void landsOnAWorkingDayExactlyTheGivenNumberOfWorkingDaysLater(LocalDate from, int days) {
        LocalDate result = kazakhstan.addWorkingDays(from, days);

        assertThat(result).isAfter(from);
        assertThat(kazakhstan.isWorkingDay(result)).isTrue();
        long workingDaysBetween = from.plusDays(1).datesUntil(result.plusDays(1))
                .filter(kazakhstan::isWorkingDay)
                .count();
        assertThat(workingDaysBetween).isEqualTo(days);
        assertThat(kazakhstan.subtractWorkingDays(result, days))
                .isEqualTo(kazakhstan.workingDayOnOrBefore(from));
    }

    static Stream<Arguments> randomStarts() {
        Random random = new Random(42);
        LocalDate first = LocalDate.parse("2025-01-03");
        long span = ChronoUnit.DAYS.between(first, LocalDate.parse("2027-06-30"));
        return Stream.generate(() -> Arguments.of(first.plusDays(random.nextInt((int) span)), 1 + random.nextInt(80)))
                .limit(500);
    }

    private DayOff dayOff(int year, String date) {
        return kazakhstan.daysOff(year).stream()
                .filter(day -> day.date().equals(LocalDate.parse(date)))
                .findFirst()
                .orElseThrow();
    }
}
