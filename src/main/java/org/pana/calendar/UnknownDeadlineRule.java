package org.pana.calendar;

import org.pana.platform.NotFound;

/** No deadline rule is recorded for the jurisdiction, procedure and step (404). */
public class UnknownDeadlineRule extends NotFound {
    public UnknownDeadlineRule(String jurisdiction, String procedure, String step) {
        super("Deadline rule " + jurisdiction + "/" + procedure + "/" + step);
    }
}
