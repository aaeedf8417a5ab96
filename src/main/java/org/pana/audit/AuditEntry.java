package org.pana.audit;

/**
 * What happened, to what, and with which outcome. {@code action} is a stable upper-case name such as
 * {@code SIGN_IN}, {@code PERSON_READ} or {@code USER_DEACTIVATED}; {@code subjectType} and
 * {@code subjectId} name the record acted on (an id, never a name: the trail must not become a second
 * copy of personal data); {@code purpose} says why, where the law asks for it.
 */
public record AuditEntry(String action, String subjectType, String subjectId, AuditOutcome outcome, String purpose, String details) {

    public AuditEntry {
        if (action == null || !action.matches("[A-Z][A-Z0-9_]{1,59}")) {
            throw new IllegalArgumentException("Audit action must be an upper-case name like PERSON_READ: " + action);
        }
        if (outcome == null) {
            throw new IllegalArgumentException("Audit outcome is required");
        }
    }

    public static AuditEntry success(String action, String subjectType, Object subjectId) {
        return new AuditEntry(action, subjectType, subjectId == null ? null : subjectId.toString(), AuditOutcome.SUCCESS, null, null);
    }

    public static AuditEntry denied(String action, String subjectType, Object subjectId) {
        return new AuditEntry(action, subjectType, subjectId == null ? null : subjectId.toString(), AuditOutcome.DENIED, null, null);
    }

    public AuditEntry withPurpose(String purpose) {
        return new AuditEntry(action, subjectType, subjectId, outcome, purpose, details);
    }

    public AuditEntry withDetails(String details) {
        return new AuditEntry(action, subjectType, subjectId, outcome, purpose, details);
    }
}
