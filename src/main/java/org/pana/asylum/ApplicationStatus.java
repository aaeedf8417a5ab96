package org.pana.asylum;

/** Where an application stands. Refugee status (extension, cessation) comes with its steps. */
enum ApplicationStatus {
    /** Lodged with the asylum authority, not yet registered. */
    LODGED,
    /** Registered: the asylum-seeker certificate is issued and the procedure's clock runs; interviews happen here. */
    REGISTERED,
    /** The eligibility officer's assessment is in, after an interview. */
    ASSESSED,
    /** A decision is drafted and waits for a second decision maker. */
    DECISION_DRAFTED,
    /** Decided (recognised, rejected, or closed) by two people. */
    DECIDED,
    /** A negative decision is under appeal (administrative or judicial review). */
    APPEALED,
    /** Closed without a decision (withdrawn). */
    CLOSED
}
