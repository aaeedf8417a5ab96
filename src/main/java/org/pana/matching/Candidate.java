package org.pana.matching;

import java.util.List;
import java.util.UUID;

/**
 * A person who may be the same as the one being registered: a score from 0 to 1, whether it reaches
 * the jurisdiction's auto-flag threshold, and the reasons.
 */
public record Candidate(UUID personId, double score, boolean likelyDuplicate, List<MatchReason> reasons) {

    public Candidate {
        reasons = List.copyOf(reasons);
    }
}
