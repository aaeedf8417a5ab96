package org.pana.registration.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a date column writes its dates, chosen explicitly in the mapping (a suggestion is offered, never
 * applied silently): {@code 03.04.1990} is 3 April in one file and 4 March in another. Whatever the
 * choice, an unambiguous ISO date ({@code 1990-04-03}, what a workbook's date cells become), a month
 * ({@code 1990-04}, {@code 04.1990}) and a year alone ({@code 1990}) are also read, with the precision
 * they carry: {@code MONTH} or {@code YEAR}.
 */
public enum DateFormat {
    /** {@code 1990-04-03}. */
    YEAR_MONTH_DAY,
    /** {@code 03.04.1990}, {@code 03/04/1990}, {@code 03-04-1990}. */
    DAY_MONTH_YEAR,
    /** {@code 04/03/1990}. */
    MONTH_DAY_YEAR;

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern THREE_PARTS = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[./-](\\d{4})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

    /** A date read from a cell, with the precision its text carries: DAY, MONTH or YEAR. */
    public record ReadDate(LocalDate date, String precision) {}

    /** The date in {@code text}, or empty when it is not a date in this format (30.02.1990 is not a date). */
    public Optional<ReadDate> read(String text) {
        String value = text.strip();
        try {
            Matcher m;
            if ((m = ISO.matcher(value)).matches()) return day(m.group(1), m.group(2), m.group(3));
            if (YEAR.matcher(value).matches()) return Optional.of(new ReadDate(LocalDate.of(Integer.parseInt(value), 1, 1), "YEAR"));
            if ((m = YEAR_MONTH.matcher(value)).matches()) return month(m.group(1), m.group(2));
            if ((m = MONTH_YEAR.matcher(value)).matches()) return month(m.group(2), m.group(1));
            if ((m = THREE_PARTS.matcher(value)).matches() && this != YEAR_MONTH_DAY) {
                return this == DAY_MONTH_YEAR ? day(m.group(3), m.group(2), m.group(1)) : day(m.group(3), m.group(1), m.group(2));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<ReadDate> day(String year, String month, String day) {
        return Optional.of(new ReadDate(LocalDate.parse(year + "-" + month + "-" + day, STRICT), "DAY"));
    }

    private static Optional<ReadDate> month(String year, String month) {
        return Optional.of(new ReadDate(YearMonth.of(Integer.parseInt(year), Integer.parseInt(month)).atDay(1), "MONTH"));
    }

    /** The format a column's sample values suggest, if they suggest one: a day above 12 settles the order. */
    static Optional<DateFormat> suggestedBy(Iterable<String> samples) {
        boolean dayFirst = false;
        boolean monthFirst = false;
        boolean threeParts = false;
        boolean iso = false;
        for (String sample : samples) {
            String value = sample.strip();
            if (ISO.matcher(value).matches()) iso = true;
            Matcher m = THREE_PARTS.matcher(value);
            if (m.matches()) {
                threeParts = true;
                int first = Integer.parseInt(m.group(1));
                int second = Integer.parseInt(m.group(2));
                if (first > 12) dayFirst = true;
                if (second > 12) monthFirst = true;
                if (value.contains(".")) dayFirst = true;
            }
        }
        if (threeParts) {
            if (monthFirst && !dayFirst) return Optional.of(MONTH_DAY_YEAR);
            return Optional.of(DAY_MONTH_YEAR);
        }
        return iso ? Optional.of(YEAR_MONTH_DAY) : Optional.empty();
    }
}
