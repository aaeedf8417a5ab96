package org.pana.asylum;

/** Where an application stands. The procedure's later states (interview, decision, appeal) come with their steps. */
enum ApplicationStatus {
    /** Lodged with the asylum authority, not yet registered. */
    LODGED,
    /** Registered: the asylum-seeker certificate is issued and the procedure's clock runs. */
    REGISTERED,
    /** Closed without a decision on the claim (withdrawn). */
    CLOSED
}
