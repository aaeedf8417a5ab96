package org.pana.calendar;

/** Why a day is off work. */
public enum DayOffKind {
    /** A public holiday on its own date. */
    PUBLIC_HOLIDAY,
    /** The working day that becomes a day off because a holiday fell on a weekend day. */
    MOVED_DAY_OFF,
    /** A day made a day off by government decree. */
    DECREE_DAY_OFF
}
