package org.pana.calendar;

import org.pana.platform.NotFound;

/** No calendar is recorded for the jurisdiction code (404). */
public class UnknownJurisdiction extends NotFound {
    public UnknownJurisdiction(String jurisdiction) {
        super("Calendar of jurisdiction " + jurisdiction);
    }
}
