package org.pana.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an auditor looks for: events about one record ({@code subjectId}), by one user ({@code actor},
 * an exact username) and in a time window. {@code from} is inclusive and {@code to} exclusive; a date
 * without a time means the whole UTC day, so {@code from=2026-03-01&to=2026-03-01} is that day.
 * Pages count from 0.
 */
record AuditEventFilter(String subjectId, String actor, Instant from, Instant to, int page, int size) {

    static final int MAX_SIZE = 200;
    private static final int MAX_TEXT = 100;
    private static final int MAX_PAGE = 1_000_000;

    /** Reads the filter from request parameters, each possibly missing or blank; throws {@link InvalidAuditQuery} listing every problem. */
    static AuditEventFilter parse(String subjectId, String actor, String from, String to, String page, String size, int defaultSize) {
        List<InvalidAuditQuery.Problem> problems = new ArrayList<>();
        String subject = text("subjectId", subjectId, problems);
        String username = text("actor", actor, problems);
        Instant start = instant("from", from, false, problems);
        Instant end = instant("to", to, true, problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(new InvalidAuditQuery.Problem("to", "range", "'to' must be later than 'from'."));
        }
        int pageNumber = number("page", page, 0, 0, MAX_PAGE, problems);
        int pageSize = number("size", size, defaultSize, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAuditQuery(problems);
        }
        return new AuditEventFilter(subject, username, start, end, pageNumber, pageSize);
    }

    /** The filter in one line, recorded with the audit event of the read itself. */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (subjectId != null) text.append("subjectId=").append(subjectId).append(' ');
        if (actor != null) text.append("actor=").append(actor).append(' ');
        if (from != null) text.append("from=").append(from).append(' ');
        if (to != null) text.append("to=").append(to).append(' ');
        return text.append("page=").append(page).append(" size=").append(size).toString();
    }

    private static String text(String field, String value, List<InvalidAuditQuery.Problem> problems) {
        if (value == null || value.isBlank()) return null;
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT) {
            problems.add(new InvalidAuditQuery.Problem(field, "length", "'" + field + "' must be at most " + MAX_TEXT + " characters."));
            return null;
        }
        return trimmed;
    }

    private static Instant instant(String field, String value, boolean endOfDay, List<InvalidAuditQuery.Problem> problems) {
        if (value == null || value.isBlank()) return null;
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notATime) {
            try {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                problems.add(new InvalidAuditQuery.Problem(field, "date",
                        "'" + field + "' must be a date like 2026-03-01 or a time like 2026-03-01T09:30:00Z."));
                return null;
            }
        }
    }

    private static int number(String field, String value, int missing, int min, int max, List<InvalidAuditQuery.Problem> problems) {
        if (value == null || value.isBlank()) return missing;
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) return number;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(new InvalidAuditQuery.Problem(field, field,
                "'" + field + "' must be a whole number from " + min + " to " + max + "."));
        return missing;
    }
}
