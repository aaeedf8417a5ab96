package org.pana.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * How candidates are chosen, the same in the database ({@link MatchStore}) and in memory
 * ({@link MatchingEngine}): each of the probe's blocking keys pulls at most {@link #KEY_CAP} people (the
 * smallest ids; a key as common as "Mohammad born 1990" cannot flood the result), people are ranked by the
 * summed {@link MatchKeys#weight} of the keys they share with the probe (ties by id), the best {@link #POOL}
 * are scored, and those at or above the candidate threshold are returned best first.
 */
final class CandidateSelection {

    static final int KEY_CAP = 1000;
    static final int POOL = 100;

    private CandidateSelection() {}

    record Ranked(UUID personId, int shared) {}

    static final Comparator<Ranked> RANKING = Comparator.comparingInt((Ranked r) -> -r.shared()).thenComparing(Ranked::personId, CandidateSelection::compareIds);

    /** UUIDs in the order PostgreSQL and H2 sort them (unsigned bytes), not Java's signed order. */
    static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** Scores the pooled people against the probe and keeps the candidates, best first. */
    static List<Candidate> candidates(NormalisedProfile probe, List<NormalisedProfile> pool, Predicate<UUID> decidedDistinct,
            MatchWeights weights, int limit) {
        List<Candidate> candidates = new ArrayList<>();
        for (NormalisedProfile other : pool) {
            if (other.personId().equals(probe.personId()) || decidedDistinct.test(other.personId())) continue;
            MatchScore score = MatchScorer.scoreForSelection(probe, other, weights);
            if (score.score() >= weights.candidateThreshold()) {
                candidates.add(new Candidate(other.personId(), score.score(), score.likelyDuplicate(), score.reasons()));
            }
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.score()).thenComparing(Candidate::personId, CandidateSelection::compareIds));
        return candidates.size() > limit ? List.copyOf(candidates.subList(0, limit)) : candidates;
    }

    static Set<String> probeKeys(NormalisedProfile probe) {
        return MatchKeys.blocking(probe);
    }
}
