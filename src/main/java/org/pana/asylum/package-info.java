/**
 * The asylum procedure (issue 5): applications lodged at the asylum authority or opened from a border referral,
 * registration with the asylum-seeker certificate, fingerprinting, extension of consideration, withdrawal; every
 * deadline from the calendar's rules with its basis; every status change a dated fact. A pending application is
 * a ground against removal. Interviews, assessment, decisions, appeals and refugee status are still to come.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Asylum",
        allowedDependencies = {"platform", "access", "audit", "calendar", "registration", "border"})
package org.pana.asylum;
