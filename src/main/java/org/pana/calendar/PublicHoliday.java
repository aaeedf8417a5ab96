package org.pana.calendar;

import java.time.LocalDate;

/**
 * A public holiday on one date. When {@code movesIfWeekend} and the date is a weekend day, the next
 * working day becomes a day off (domain.md: in Kazakhstan all holidays but 7 January and Kurban Ait).
 */
record PublicHoliday(LocalDate date, LocalizedName name, boolean movesIfWeekend, String basis) {}
