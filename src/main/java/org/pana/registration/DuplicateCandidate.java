package org.pana.registration;

import java.util.List;
import java.util.UUID;
import org.pana.matching.MatchReason;

/** A registered person who may be the one being entered, with matching's score and reasons. */
public record DuplicateCandidate(UUID personId, String registrationNumber, double score, boolean likelyDuplicate,
        List<MatchReason> reasons) {

    public DuplicateCandidate {
        reasons = List.copyOf(reasons);
    }
}
