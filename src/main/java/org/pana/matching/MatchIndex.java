package org.pana.matching;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Adds or replaces the keys and profiles of many people at once (a batch registration): the same rows
     * as {@link #index} for each, written with one JDBC batch per table instead of statements per person.
     */
    @Transactional
    public void indexAll(List<MatchProfile> profiles) {
        if (profiles.isEmpty()) return;
        List<MatchStore.Entry> entries = new ArrayList<>(profiles.size());
        for (MatchProfile profile : profiles) {
            if (profile.personId() == null || profile.jurisdiction() == null) {
                throw new IllegalArgumentException("Only a saved person with a jurisdiction can be indexed");
            }
            NormalisedProfile normal = NormalisedProfile.of(profile);
            entries.add(new MatchStore.Entry(StoredProfile.of(normal), MatchKeys.all(normal)));
        }
        store.saveAll(entries);
    }

    /** Removes the person from matching (merged into another record, or erased). */
    @Transactional
    public void remove(UUID personId) {
        store.remove(personId);
    }
}
