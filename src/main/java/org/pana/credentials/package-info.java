/**
 * Documents anyone can verify (issue 6): the asylum-seeker and refugee certificates, the decision letter and the
 * border referral slip as PDFs, each with a QR code whose payload is signed with its jurisdiction's Ed25519 key; a
 * public verification page that tells valid, expired, replaced, revoked and not genuine apart from the live status
 * behind the document; the registry of issued documents per person, with reprints as new issuances.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credentials",
        allowedDependencies = {"platform", "access", "audit", "calendar", "registration", "border", "asylum"})
package org.pana.credentials;
