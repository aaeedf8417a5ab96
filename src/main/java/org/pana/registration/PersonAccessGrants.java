package org.pana.registration;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.pana.access.PanaUser;

/**
 * A module's reasons for letting a caller outside the registration staff see a person: e.g. a service
 * referral of the person to the caller's organisation, with the person's consent (the {@code services}
 * module, to come). Implement it as a bean; registration asks every bean on every request, so a closed
 * referral or a withdrawn consent takes effect on the next request (security.md #4). With no bean, a
 * partner sees nobody.
 */
public interface PersonAccessGrants {

    /** Whether the caller may see this person. */
    boolean grants(PanaUser caller, UUID personId);

    /** The people among {@code personIds} the caller may see. */
    default Set<UUID> grantedAmong(PanaUser caller, Collection<UUID> personIds) {
        Set<UUID> granted = new java.util.HashSet<>();
        for (UUID id : personIds) if (grants(caller, id)) granted.add(id);
        return granted;
    }
}
