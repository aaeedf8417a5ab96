/**
 * The audit trail: an append-only, hash-chained record of every sign-in and sign-out, every access
 * denial, and every read and write of personal data (security.md #28, #29). Each event carries the
 * hash of the event before it, so a changed, deleted, inserted or reordered row is detected by
 * {@link org.pana.audit.AuditTrail#verify()}. Nothing in the application updates or deletes an event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = {"platform"})
package org.pana.audit;
