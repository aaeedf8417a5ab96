/**
 * Who may do what: jurisdictions, organisations, users and their roles, sign-in (pages) and bearer
 * tokens (API), throttling of failed sign-ins, the first administrator and the demo accounts. Every
 * sign-in, sign-out, failure and denial goes to the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access", allowedDependencies = {"platform", "audit"})
package org.pana.access;
