package org.pana.audit;

/** The audit events that record an auditor reading the trail: the trail watches its readers too. */
final class AuditReads {

    static final String EVENTS_READ = "AUDIT_EVENTS_READ";
    static final String CHAIN_VERIFIED = "AUDIT_CHAIN_VERIFIED";
    static final String SUBJECT_TYPE = "AUDIT_TRAIL";

    private AuditReads() {}

    static AuditEntry eventsRead(AuditEventFilter filter) {
        return AuditEntry.success(EVENTS_READ, SUBJECT_TYPE, null).withDetails(filter.describe());
    }

    static AuditEntry chainVerified(ChainVerification verification) {
        String result = verification.intact() ? "intact, " + verification.events() + " events"
                : "broken at seq " + verification.firstBrokenSeq() + ", id " + verification.firstBrokenEventId();
        return AuditEntry.success(CHAIN_VERIFIED, SUBJECT_TYPE, null).withDetails(result);
    }
}
