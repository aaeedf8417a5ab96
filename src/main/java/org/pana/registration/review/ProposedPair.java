package org.pana.registration.review;

import java.util.List;
import java.util.UUID;
import org.pana.matching.MatchReason;

/** A pair matching believes may be one person, to be put on the review queue. */
public record ProposedPair(UUID personA, UUID personB, double score, List<MatchReason> reasons) {

    public ProposedPair {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
