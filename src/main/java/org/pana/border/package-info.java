/**
 * Border identification and referral (issue 4), and the non-refoulement guard: {@link org.pana.border.RemovalGuard}
 * asks every module's {@link org.pana.platform.RemovalGrounds} whether a person may be removed (ADR 0006).
 * Encounters, referrals and their pages are still to come.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Border",
        allowedDependencies = {"platform", "access", "audit", "registration", "notification"})
package org.pana.border;
