package org.pana.matching;

import java.util.List;

/**
 * How alike two profiles are: a score from 0 to 1 (the log-odds of the field agreements, squashed), whether it
 * reaches the auto-flag threshold, and the reasons in the order of their weight.
 */
public record MatchScore(double score, boolean likelyDuplicate, List<MatchReason> reasons) {

    public MatchScore {
        reasons = List.copyOf(reasons);
    }
}
