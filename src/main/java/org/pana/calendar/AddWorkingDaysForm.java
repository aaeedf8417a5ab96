package org.pana.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's "add working days" form, as typed: the fields stay text so that what the user typed is
 * shown back next to its error. {@code year} is the year of the table the form was sent from.
 */
record AddWorkingDaysForm(String from, String days, String year) {

    static AddWorkingDaysForm empty(int year) {
        return new AddWorkingDaysForm("", "", String.valueOf(year));
    }

    /** The message key of each field's problem, in the order of the fields; empty when the form is valid. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (isBlank(from)) {
            problems.put("from", "calendar.add.error.from-missing");
        } else if (fromDate() == null) {
            problems.put("from", "calendar.add.error.from-invalid");
        }
        if (isBlank(days)) {
            problems.put("days", "calendar.add.error.days-missing");
        } else if (dayCount() == null) {
            problems.put("days", "calendar.add.error.days-invalid");
        }
        return problems;
    }

    LocalDate fromDate() {
        if (isBlank(from)) return null;
        try {
            return LocalDate.parse(from.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The number of working days, or null unless it is a whole number from 0 to the API's maximum. */
    Integer dayCount() {
        if (isBlank(days)) return null;
        try {
            int count = Integer.parseInt(days.strip());
            return count >= 0 && count <= CalendarApi.MAX_DAYS ? count : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The year of the table to show with the result, or null when absent or not a year. */
    Integer tableYear() {
        if (isBlank(year)) return null;
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
