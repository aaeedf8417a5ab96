package org.pana.registration;

import java.util.regex.Pattern;

/**
 * A person's human-readable number: jurisdiction, two-digit registration year and a counter, e.g.
 * {@code KAZ-26-000123}. The counter has at least six digits and grows past a million if it must.
 */
public record RegistrationNumber(String value) {

    static final Pattern FORMAT = Pattern.compile("[A-Z]{3}-\\d{2}-\\d{6,12}");

    public RegistrationNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Registration number must look like KAZ-26-000123");
        }
    }

    static RegistrationNumber of(String jurisdiction, int year, long counter) {
        return new RegistrationNumber(String.format("%s-%02d-%06d", jurisdiction, year % 100, counter));
    }

    /** Whether the text has the form of a registration number (for search). */
    public static boolean looksLikeOne(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
