/**
 * Border identification and referral (issue 4), and the non-refoulement guard: {@link org.pana.border.RemovalGuard}
 * asks every module's {@link org.pana.platform.RemovalGrounds} whether a person may be removed (ADR 0006).
 * Encounters (the people met together become one household in registration), referrals to the asylum authority
 * (acknowledged, or forwarded to the right unit without restarting the clock), the hourly overdue mark, and the
 * lists for officers, receiving units and monitors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Border",
        allowedDependencies = {"platform", "access", "audit", "calendar", "registration", "notification"})
package org.pana.border;
