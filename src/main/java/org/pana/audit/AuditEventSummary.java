package org.pana.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit event as an auditor reads it. Fields are shown as stored, strings included, so that a
 * tampered row (an outcome no enum knows) is still listed rather than hidden behind an error.
 */
record AuditEventSummary(Instant at, String actor, String organisation, String action, String subjectType,
        String subjectId, String outcome, long seq, UUID id, String clientAddress, String purpose) {}
