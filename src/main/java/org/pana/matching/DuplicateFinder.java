package org.pana.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the people of the probe's jurisdiction who may be the probe, best first, leaving out the probe
 * itself and pairs a caseworker has already decided are not the same.
 *
 * <p>The probe is Latinised and keyed once; the database ranks the people sharing its keys (restricted to the
 * jurisdiction, each key capped), the best {@link CandidateSelection#POOL} stored profiles are scored in Java
 * with the jurisdiction's weights (see {@link CandidateSelection}).
 */
@Service
public class DuplicateFinder {

    /** The most candidates one call returns. */
    public static final int MAX_LIMIT = 100;

    private final MatchStore store;
    private final JurisdictionWeights weights;

    DuplicateFinder(MatchStore store, JurisdictionWeights weights) {
        this.store = store;
        this.weights = weights;
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(MatchProfile probe, int limit) {
        if (limit <= 0 || probe.jurisdiction() == null) return List.of();
        return candidates(NormalisedProfile.of(probe), probe.jurisdiction(), limit);
    }

    /**
     * The candidates of a person already in the index, with their stored profile as the probe (nothing to
     * read or Latinise again); none if the person is not indexed.
     */
    @Transactional(readOnly = true)
    public List<Candidate> candidatesOf(UUID personId, int limit) {
        if (limit <= 0 || personId == null) return List.of();
        List<StoredProfile> stored = store.profiles(List.of(personId));
        if (stored.isEmpty()) return List.of();
        return candidates(stored.get(0).decode(), stored.get(0).jurisdiction(), limit);
    }

    private List<Candidate> candidates(NormalisedProfile probe, String jurisdiction, int limit) {
        List<UUID> pool = store.pool(jurisdiction, CandidateSelection.probeKeys(probe));
        List<NormalisedProfile> profiles = new ArrayList<>(pool.size());
        for (StoredProfile stored : store.profiles(pool)) profiles.add(stored.decode());
        Set<UUID> distinct = store.decidedDistinct(probe.personId(), pool);
        return CandidateSelection.candidates(probe, profiles, distinct::contains, weights.of(jurisdiction), Math.min(limit, MAX_LIMIT));
    }

    /** How alike two profiles are, with the jurisdiction's weights (of {@code a}), for a side-by-side review. */
    @Transactional(readOnly = true)
    public MatchScore score(MatchProfile a, MatchProfile b) {
        return MatchScorer.score(NormalisedProfile.of(a), NormalisedProfile.of(b), weights.of(a.jurisdiction()));
    }
}
