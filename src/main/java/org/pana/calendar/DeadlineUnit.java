package org.pana.calendar;

/** What a deadline rule counts. */
public enum DeadlineUnit {
    /** Every day, whether working or not. */
    CALENDAR_DAYS,
    /** The jurisdiction's working days: weekends, public holidays and days off (moved or by decree) are skipped. */
    WORKING_DAYS,
    /** Hours from an instant; the due date is the date in the jurisdiction's time zone. */
    HOURS,
    /** Calendar months; a day missing in the last month (31 April) becomes that month's last day. */
    MONTHS
}
