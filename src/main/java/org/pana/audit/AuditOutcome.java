package org.pana.audit;

/** How the audited attempt ended. */
public enum AuditOutcome {
    SUCCESS,
    /** Refused by the access policy (wrong role, not need-to-know) or by throttling. */
    DENIED,
    /** Failed for another reason, e.g. a wrong password. */
    FAILURE
}
