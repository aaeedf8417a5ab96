package org.pana.matching;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the matching keys and profiles of registered people in the database, in the caller's
 * transaction, so a person saved is a person found, on every node.
 */
@Service
public class MatchIndex {

    private final MatchStore store;

    MatchIndex(MatchStore store) {
        this.store = store;
    }

    /** Adds or replaces the person's keys and profile. {@code profile.personId()} must be set. */
    @Transactional
    public void index(MatchProfile profile) {
        if (profile.personId() == null || profile.jurisdiction() == null) {
            throw new IllegalArgumentException("Only a saved person with a jurisdiction can be indexed");
        }
        NormalisedProfile normal = NormalisedProfile.of(profile);
        store.save(StoredProfile.of(normal), MatchKeys.all(normal));
    }

    /** Removes the person from matching (merged into another record, or erased). */
    @Transactional
    public void remove(UUID personId) {
        store.remove(personId);
    }
}
