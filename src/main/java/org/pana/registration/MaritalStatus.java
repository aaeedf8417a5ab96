package org.pana.registration;

/** Marital status as declared. */
public enum MaritalStatus {
    SINGLE, MARRIED, ENGAGED, DIVORCED, SEPARATED, WIDOWED, UNKNOWN
}
