/**
 * The asylum procedure (issue 5): applications lodged at the asylum authority or opened from a border referral,
 * registration with the asylum-seeker certificate, fingerprinting, extension of consideration, interview,
 * assessment, the four-eyes decision, appeals, refugee status with its yearly extension and its end; every deadline
 * from the calendar's rules (the version in force when the case was lodged) with its basis, watched daily; every
 * status change a dated fact. Pending applications, appeals and refugee status are grounds against removal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Asylum",
        allowedDependencies = {"platform", "access", "audit", "calendar", "registration", "border", "notification"})
package org.pana.asylum;
