package org.pana.matching;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the people of the probe's jurisdiction who may be the probe, best first, leaving out the probe
 * itself and pairs a caseworker has already decided are not the same.
 */
@Service
public class DuplicateFinder {

    @Transactional(readOnly = true)
    public List<Candidate> candidates(MatchProfile probe, int limit) {
        return List.of(); // contract placeholder
    }
}
