package org.pana.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pana.platform.NotFound;
import org.pana.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The calendar's Java API on the migrated database, as the asylum and border modules will call it. */
@SpringBootTest
@AutoConfigureMockMvc
class LegalDeadlinesTests {

    @Autowired
    LegalDeadlines deadlines;

    @Autowired
    WorkingCalendar calendar;

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void loadsTheSameDaysOffFromTheDatabaseAsTheSeedMigrationDescribes(int year) {
        assertThat(calendar.daysOff("KAZ", year)).isEqualTo(CalendarFixtures.kazakhstan().daysOff(year));
    }

    @Test
    void knowsWhichDaysAreWorkingDays() {
        assertThat(calendar.isWorkingDay("KAZ", LocalDate.parse("2026-03-25"))).isFalse();
        assertThat(calendar.isWorkingDay("KAZ", LocalDate.parse("2026-03-26"))).isTrue();
        assertThat(calendar.years("KAZ")).containsExactly(2025, 2026, 2027);
        assertThat(calendar.nameOf("KAZ").kk()).isEqualTo("Қазақстан");
    }

    @Test
    void givesTheNotificationDeadlineInWorkingDaysAsAnUnconfirmedDefault() {
        Deadline notification = deadlines.dueDate("KAZ", "ASYLUM", "NOTIFICATION", LocalDate.parse("2026-03-20"));

        assertThat(notification.dueDate()).isEqualTo("2026-04-01");
        assertThat(notification.confirmed()).isFalse();
        assertThat(notification.basis()).contains("[C]");
        assertThat(notification.rule().unit()).isEqualTo(DeadlineUnit.WORKING_DAYS);
    }

    @Test
    void givesTheFingerprintingDeadlineInCalendarDaysWithItsConfirmedBasis() {
        Deadline fingerprinting = deadlines.dueDate("KAZ", "asylum", "fingerprinting", LocalDate.parse("2026-03-20"));

        assertThat(fingerprinting.dueDate()).isEqualTo("2026-03-23");
        assertThat(fingerprinting.confirmed()).isTrue();
        assertThat(fingerprinting.basis()).contains("Art. 11(1)");
    }

    @Test
    void givesTheDecisionDeadlineAndItsLongestExtensionInMonths() {
        LocalDate registered = LocalDate.parse("2026-05-29");

        assertThat(deadlines.dueDate("KAZ", "ASYLUM", "DECISION", registered).dueDate()).isEqualTo("2026-08-29");
        assertThat(deadlines.dueDate("KAZ", "ASYLUM", "DECISION_MAX_EXTENSION", registered).dueDate()).isEqualTo("2027-05-29");
    }

    @Test
    void invitesToExtendThirtyDaysBeforeTheStatusExpires() {
        assertThat(deadlines.dueDate("KAZ", "ASYLUM", "EXTENSION_INVITATION", LocalDate.parse("2027-03-01")).dueDate())
                .isEqualTo("2027-01-30");
    }

    @Test
    void countsTheBorderHandOverInHoursFromTheInstantOfTheRequest() {
        Deadline handOver = deadlines.dueDate("KAZ", "ASYLUM", "BORDER_HANDOVER", Instant.parse("2026-03-20T20:00:00Z"));

        assertThat(handOver.dueAt()).isEqualTo("2026-03-23T20:00:00Z");
        assertThat(handOver.dueDate()).isEqualTo("2026-03-24");
        assertThat(handOver.confirmed()).isFalse();
        assertThatThrownBy(() -> deadlines.dueDate("KAZ", "ASYLUM", "BORDER_HANDOVER", LocalDate.parse("2026-03-20")))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void refusesUnknownRulesAndJurisdictionsAsNotFound() {
        assertThatThrownBy(() -> deadlines.dueDate("KAZ", "ASYLUM", "NO_SUCH_STEP", LocalDate.parse("2026-03-20")))
                .isInstanceOf(UnknownDeadlineRule.class)
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> deadlines.rules("UZB")).isInstanceOf(UnknownJurisdiction.class);
        assertThatThrownBy(() -> calendar.addWorkingDays("UZB", LocalDate.parse("2026-03-20"), 1))
                .isInstanceOf(UnknownJurisdiction.class);
    }

    @Test
    void refusesToCountWorkingDaysIntoAYearWithoutHolidays() {
        assertThatThrownBy(() -> deadlines.dueDate("KAZ", "ASYLUM", "NOTIFICATION", LocalDate.parse("2027-12-28")))
                .isInstanceOf(HolidayDataMissing.class)
                .hasMessageContaining("2028");
    }
}
