package org.pana.calendar;

/** Whether a deadline falls after the event it is counted from, or before it (an invitation before expiry). */
public enum DeadlineDirection {
    AFTER,
    BEFORE
}
