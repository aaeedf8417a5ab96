package org.pana.audit;

import java.util.UUID;

/** Who acted: a signed-in user, or, for a failed sign-in, the username that was tried. */
public record AuditActor(UUID userId, String username, UUID organisationId, String organisation, String clientAddress) {

    /** A signed-in caller, seen from the given client address. */
    public static AuditActor of(org.pana.platform.CallerIdentity caller, String clientAddress) {
        return new AuditActor(caller.userId(), caller.username(), caller.organisationId(), caller.organisationName(), clientAddress);
    }

    public static AuditActor anonymous(String attemptedUsername, String clientAddress) {
        return new AuditActor(null, attemptedUsername, null, null, clientAddress);
    }
}
