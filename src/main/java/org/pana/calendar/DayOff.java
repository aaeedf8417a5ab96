package org.pana.calendar;

import java.time.LocalDate;

/**
 * A day off in a jurisdiction's year, other than its weekly days of rest.
 *
 * @param date the day off
 * @param kind why it is off
 * @param name the holiday's name; for a moved day off, the name of the holiday it replaces; for a decree
 *     day off, the decree's reason
 * @param movedFrom for {@link DayOffKind#MOVED_DAY_OFF}, the weekend date of the holiday; otherwise null
 * @param basis the legal basis recorded with the data, "[C]" marking what is not yet confirmed
 */
public record DayOff(LocalDate date, DayOffKind kind, LocalizedName name, LocalDate movedFrom, String basis) {}
