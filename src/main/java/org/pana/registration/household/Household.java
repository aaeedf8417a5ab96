package org.pana.registration.household;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A registration group: people registered together under a focal point, each member with a
 * relationship to the focal point and dated joining and leaving. {@code members} holds every
 * membership, past ones included, in the order they began.
 */
public record Household(UUID id, String number, String jurisdiction, UUID focalPointId, Instant createdAt, long version,
        List<Membership> members) {

    public Household {
        members = List.copyOf(members);
    }

    public List<Membership> activeMembers() {
        return members.stream().filter(Membership::active).toList();
    }

    public Optional<Membership> activeMembershipOf(UUID personId) {
        return members.stream().filter(m -> m.active() && m.personId().equals(personId)).findFirst();
    }
}
