package org.pana.registration;

/** Sex as recorded (api.md). */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
