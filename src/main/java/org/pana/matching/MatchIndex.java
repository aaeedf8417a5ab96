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

    /** Adds or replaces the person's keys and profile. {@code profile.personId()} must be set. */
    @Transactional
    public void index(MatchProfile profile) {
        // contract placeholder: the matching issue work replaces this
    }

    /** Removes the person from matching (merged into another record, or erased). */
    @Transactional
    public void remove(UUID personId) {
        // contract placeholder
    }
}
