package org.pana.calendar;

import java.time.LocalDate;

/** A government decree making a date a day off or a working day; it overrides weekends and holidays. */
record DayTransfer(LocalDate date, Becomes becomes, LocalizedName reason, String basis) {

    enum Becomes {
        DAY_OFF,
        WORKING_DAY
    }
}
