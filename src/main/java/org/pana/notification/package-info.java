/**
 * Notices to the people who must act: an organisation, the holders of a role in a jurisdiction, or the
 * organisations of a type in a jurisdiction. A notice is written in the transaction of the fact it announces (a
 * referral received, a removal blocked or reported despite a ground), carries no personal data, and links inside
 * Pana. Each user reads the notices addressed to them at {@code /notifications} and {@code /api/v1/notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"platform", "access", "audit"})
package org.pana.notification;
