package org.pana.matching;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Remembers that a caseworker decided two people are not the same, so the pair is not proposed again. */
@Service
public class MatchDecisions {

    @Transactional
    public void markDistinct(UUID personA, UUID personB) {
        // contract placeholder
    }

    @Transactional(readOnly = true)
    public boolean decidedDistinct(UUID personA, UUID personB) {
        return false; // contract placeholder
    }
}
