package org.pana.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pana.calendar.CalendarFixtures.kazakhstan;
import static org.pana.calendar.CalendarFixtures.rule;
import static org.pana.calendar.DeadlineDirection.AFTER;
import static org.pana.calendar.DeadlineDirection.BEFORE;
import static org.pana.calendar.DeadlineUnit.CALENDAR_DAYS;
import static org.pana.calendar.DeadlineUnit.HOURS;
import static org.pana.calendar.DeadlineUnit.MONTHS;
import static org.pana.calendar.DeadlineUnit.WORKING_DAYS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.pana.platform.RuleViolation;

/** Due dates from deadline rules on Kazakhstan's seeded calendar, without Spring. */
class DeadlineRuleTests {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private final JurisdictionCalendar kazakhstan = kazakhstan();

    @Test
    void countsWorkingDaysPastNauryzAndItsMovedDaysOff() {
        Deadline notification = rule(5, WORKING_DAYS, AFTER, false).dueFrom(LocalDate.parse("2026-03-20"), kazakhstan);

        assertThat(notification.dueDate()).isEqualTo("2026-04-01");
        assertThat(notification.dueAt()).isNull();
        assertThat(notification.basis()).isEqualTo("Test basis");
        assertThat(notification.confirmed()).isFalse();
    }

    @Test
    void letsACalendarDayDeadlineEndOnAHolidayUnlessTheRuleSaysOtherwise() {
        LocalDate friday = LocalDate.parse("2026-03-20");

        assertThat(rule(3, CALENDAR_DAYS, AFTER, false).dueFrom(friday, kazakhstan).dueDate()).isEqualTo("2026-03-23");
        assertThat(rule(3, CALENDAR_DAYS, AFTER, true).dueFrom(friday, kazakhstan).dueDate()).isEqualTo("2026-03-26");
    }

    @Test
    void movesADeadlineCountedBeforeAnEventToTheWorkingDayBeforeIt() {
        LocalDate expiry = LocalDate.parse("2026-06-15");

        assertThat(rule(30, CALENDAR_DAYS, BEFORE, false).dueFrom(expiry, kazakhstan).dueDate()).isEqualTo("2026-05-16");
        assertThat(rule(30, CALENDAR_DAYS, BEFORE, true).dueFrom(expiry, kazakhstan).dueDate()).isEqualTo("2026-05-15");
    }

    @Test
    void countsMonthsToTheSameDayOrTheLastDayOfAShorterMonth() {
        assertThat(rule(3, MONTHS, AFTER, false).dueFrom(LocalDate.parse("2026-01-15"), kazakhstan).dueDate())
                .isEqualTo("2026-04-15");
        assertThat(rule(3, MONTHS, AFTER, false).dueFrom(LocalDate.parse("2025-11-30"), kazakhstan).dueDate())
                .isEqualTo("2026-02-28");
        assertThat(rule(12, MONTHS, AFTER, false).dueFrom(LocalDate.parse("2026-05-27"), kazakhstan).dueDate())
                .isEqualTo("2027-05-27");
    }

    @Test
    void countsHoursFromTheInstantAndDatesTheDeadlineInTheJurisdictionsTimeZone() {
        Instant request = Instant.parse("2026-03-20T20:00:00Z");

        Deadline handOver = rule(72, HOURS, AFTER, false).dueFrom(request, ALMATY, kazakhstan);

        assertThat(handOver.dueAt()).isEqualTo("2026-03-23T20:00:00Z");
        assertThat(handOver.dueDate()).isEqualTo("2026-03-24");
    }

    @Test
    void countsDaysFromTheDateOfAnInstantInTheJurisdictionsTimeZone() {
        Instant lateEvening = Instant.parse("2026-03-19T20:30:00Z"); // 01:30 on 20 March in Almaty

        assertThat(rule(5, WORKING_DAYS, AFTER, false).dueFrom(lateEvening, ALMATY, kazakhstan).dueDate())
                .isEqualTo("2026-04-01");
    }

    @Test
    void refusesToCountHoursFromADate() {
        assertThatThrownBy(() -> rule(72, HOURS, AFTER, false).dueFrom(LocalDate.parse("2026-03-20"), kazakhstan))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("hours");
    }

    @Test
    void refusesWorkingDayDeadlinesBeyondTheRecordedYears() {
        assertThatThrownBy(() -> rule(5, WORKING_DAYS, AFTER, false).dueFrom(LocalDate.parse("2027-12-28"), kazakhstan))
                .isInstanceOf(HolidayDataMissing.class);
    }
}
