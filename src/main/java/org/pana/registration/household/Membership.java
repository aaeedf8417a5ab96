package org.pana.registration.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One period of a person's membership in a household. A membership is never deleted: leaving sets
 * {@code leftOn} (and the reason). A person who comes back gets a new membership.
 */
public record Membership(UUID id, UUID personId, Relationship relationship, LocalDate joinedOn, LocalDate leftOn,
        String leaveReason) {

    public boolean active() {
        return leftOn == null;
    }
}
