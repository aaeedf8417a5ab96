package org.pana.calendar;

import org.pana.platform.RuleViolation;

/**
 * Working days cannot be counted in a year whose public holidays are not recorded (422). Pana refuses
 * rather than count only weekends, which would give a wrong legal deadline without anyone noticing;
 * the fix is to add the year's holidays as data.
 */
public class HolidayDataMissing extends RuleViolation {
    private final String jurisdiction;
    private final int year;

    public HolidayDataMissing(String jurisdiction, int year) {
        super("holiday-data-missing", "No public holidays are recorded for " + jurisdiction + " in " + year
                + ", so working days cannot be counted in that year.");
        this.jurisdiction = jurisdiction;
        this.year = year;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public int year() {
        return year;
    }
}
