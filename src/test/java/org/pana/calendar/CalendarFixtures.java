package org.pana.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendars for plain tests. Kazakhstan's is read from the very Flyway migration that seeds the
 * database, so the arithmetic tests check the real data without starting Spring.
 */
final class CalendarFixtures {

    static final String KAZAKHSTAN_SEED = "db/migration/V0034__calendar_seed_kaz_calendar_2025_2027.sql";

    private static final String TEXT = "'((?:[^']|'')*)'";
    private static final Pattern HOLIDAY_ROW = Pattern.compile("VALUES \\('KAZ', DATE '(\\d{4}-\\d{2}-\\d{2})', "
            + TEXT + ", " + TEXT + ", " + TEXT + ", (TRUE|FALSE), " + TEXT + "\\);");

    private CalendarFixtures() {}

    static JurisdictionCalendar kazakhstan() {
        return kazakhstan(List.of());
    }

    static JurisdictionCalendar kazakhstan(List<DayTransfer> decrees) {
        return new JurisdictionCalendar("KAZ", saturdayAndSunday(), seededKazakhHolidays(), decrees);
    }

    static List<PublicHoliday> seededKazakhHolidays() {
        List<PublicHoliday> holidays = new ArrayList<>();
        Matcher row = HOLIDAY_ROW.matcher(read(KAZAKHSTAN_SEED));
        while (row.find()) {
            holidays.add(new PublicHoliday(LocalDate.parse(row.group(1)),
                    new LocalizedName(unquote(row.group(2)), unquote(row.group(3)), unquote(row.group(4))),
                    "TRUE".equals(row.group(5)), unquote(row.group(6))));
        }
        return holidays;
    }

    static EnumSet<DayOfWeek> saturdayAndSunday() {
        return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }

    static PublicHoliday movingHoliday(String date, String name) {
        return new PublicHoliday(LocalDate.parse(date), new LocalizedName(name, name, name), true, "test");
    }

    static PublicHoliday fixedHoliday(String date, String name) {
        return new PublicHoliday(LocalDate.parse(date), new LocalizedName(name, name, name), false, "test");
    }

    static DayTransfer decree(String date, DayTransfer.Becomes becomes) {
        return new DayTransfer(LocalDate.parse(date), becomes, new LocalizedName("By decree", "По постановлению",
                "Қаулы бойынша"), "Government decree (test)");
    }

    static DeadlineRule rule(int amount, DeadlineUnit unit, DeadlineDirection direction, boolean endsOnWorkingDay) {
        return new DeadlineRule("KAZ", "ASYLUM", "TEST_STEP", amount, unit, direction, "the test event",
                "Test basis", false, endsOnWorkingDay, DeadlineRule.FROM_THE_START);
    }

    private static String unquote(String sql) {
        return sql.replace("''", "'");
    }

    private static String read(String resource) {
        try (InputStream in = CalendarFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
