/**
 * The audit trail: an append-only, hash-chained record of every sign-in and sign-out, every access
 * denial, and every read and write of personal data (security.md #28, #29). Each event carries the
 * hash of the event before it, so a changed, deleted, inserted or reordered row is detected by
 * {@link org.pana.audit.AuditTrail#verify()}. Nothing in the application updates or deletes an event,
 * and on PostgreSQL a trigger refuses it. Auditors search the trail and check the chain on the page
 * {@code /audit} and in the API {@code /api/v1/audit}; {@code audit verify} checks it from the
 * command line. Reading the trail is audited too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = {"platform"})
package org.pana.audit;
