package org.pana.registration.household;

import java.util.regex.Pattern;

/** A household's number: jurisdiction, two-digit year, {@code H} and a serial, e.g. {@code KAZ-26-H00012}. */
public record HouseholdNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}-\\d{2}-H\\d{5,}");

    public HouseholdNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Household number must look like KAZ-26-H00012: " + value);
        }
    }

    public static HouseholdNumber of(String jurisdiction, int year, long serial) {
        return new HouseholdNumber(String.format("%s-%02d-H%05d", jurisdiction, year % 100, serial));
    }

    @Override
    public String toString() {
        return value;
    }
}
