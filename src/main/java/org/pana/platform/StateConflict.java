package org.pana.platform;

/** The request conflicts with the record's current state or with another writer (409). */
public class StateConflict extends RuntimeException {
    private final String type;

    public StateConflict(String type, String message) {
        super(message);
        this.type = type;
    }

    /** A short, stable name for the kind of conflict; it becomes part of the problem type URI. */
    public String type() {
        return type;
    }
}
