package org.pana.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Duplicate detection in memory, for benchmarks and tests: the same normalisation, keys, candidate selection
 * and scorer as the database path ({@link MatchIndex}, {@link DuplicateFinder}), so what a benchmark measures is
 * what production does. Not thread-safe for {@link #add} while querying; queries alone may run concurrently.
 *
 * <pre>{@code
 * MatchingEngine engine = new MatchingEngine();            // MatchWeights.defaults(), as seeded for KAZ
 * for (MatchProfile p : population) engine.add(p);       // personId and jurisdiction must be set
 * List<Candidate> top = engine.candidates(probe, 10);     // best first, above the candidate threshold
 * MatchScore s = engine.score(a, b);                       // any two profiles, no index needed
 * boolean flagged = s.likelyDuplicate();                   // score >= auto-flag threshold
 * }</pre>
 *
 * Profiles are kept in their compact stored form (as in {@code matching_profile}) and person ids as ints in the
 * key postings, so a million people fit in a few hundred megabytes.
 */
public final class MatchingEngine {

    private final MatchWeights weights;
    private final List<UUID> ids = new ArrayList<>();
    private final List<StoredProfile> profiles = new ArrayList<>();
    private final Map<UUID, Integer> index = new HashMap<>();
    private final Map<String, Postings> keys = new HashMap<>();
    private final Set<List<UUID>> distinct = new HashSet<>();

    public MatchingEngine() {
        this(MatchWeights.defaults());
    }

    public MatchingEngine(MatchWeights weights) {
        this.weights = weights;
    }

    public MatchWeights weights() {
        return weights;
    }

    /** Adds a person (or replaces one with the same id). */
    public void add(MatchProfile profile) {
        if (profile.personId() == null || profile.jurisdiction() == null) {
            throw new IllegalArgumentException("A profile in the index needs a person id and a jurisdiction");
        }
        NormalisedProfile normal = NormalisedProfile.of(profile);
        Integer existing = index.get(profile.personId());
        if (existing != null) throw new IllegalArgumentException("Person already indexed: " + profile.personId());
        int id = ids.size();
        ids.add(profile.personId());
        profiles.add(StoredProfile.of(normal));
        index.put(profile.personId(), id);
        for (String key : MatchKeys.blocking(normal)) {
            keys.computeIfAbsent(profile.jurisdiction() + "/" + key, k -> new Postings()).add(id);
        }
    }

    public int size() {
        return ids.size();
    }

    /** Remembers that two people are not the same, as {@link MatchDecisions#markDistinct} does. */
    public void markDistinct(UUID a, UUID b) {
        distinct.add(StoredProfile.pair(a, b));
    }

    /** The probe's candidates among the people added, best first, at most {@code limit}. */
    public List<Candidate> candidates(MatchProfile probe, int limit) {
        NormalisedProfile normal = NormalisedProfile.of(probe);
        Map<Integer, Integer> shared = new HashMap<>();
        for (String key : CandidateSelection.probeKeys(normal)) {
            Postings postings = keys.get(probe.jurisdiction() + "/" + key);
            if (postings == null) continue;
            int weight = MatchKeys.weight(key);
            for (int id : postings.firstByPersonId(CandidateSelection.KEY_CAP, ids)) shared.merge(id, weight, Integer::sum);
        }
        List<CandidateSelection.Ranked> ranked = new ArrayList<>(shared.size());
        shared.forEach((id, weight) -> ranked.add(new CandidateSelection.Ranked(ids.get(id), weight)));
        ranked.sort(CandidateSelection.RANKING);
        List<NormalisedProfile> pool = new ArrayList<>();
        for (CandidateSelection.Ranked r : ranked) {
            if (pool.size() == CandidateSelection.POOL) break;
            pool.add(profiles.get(index.get(r.personId())).decode());
        }
        return CandidateSelection.candidates(normal, pool,
                other -> probe.personId() != null && distinct.contains(StoredProfile.pair(probe.personId(), other)), weights, limit);
    }

    /** How alike two profiles are, with the reasons. */
    public MatchScore score(MatchProfile a, MatchProfile b) {
        return MatchScorer.score(NormalisedProfile.of(a), NormalisedProfile.of(b), weights);
    }

    /** The ids of one key, kept sorted by person id (as the database's index is) once asked for. */
    private static final class Postings {
        private int[] ids = new int[4];
        private int size;
        private boolean sorted = true;

        void add(int id) {
            if (size == ids.length) ids = Arrays.copyOf(ids, size * 2);
            ids[size++] = id;
            sorted = size == 1;
        }

        synchronized int[] firstByPersonId(int cap, List<UUID> persons) {
            if (!sorted) {
                Integer[] boxed = new Integer[size];
                for (int i = 0; i < size; i++) boxed[i] = ids[i];
                Arrays.sort(boxed, (x, y) -> CandidateSelection.compareIds(persons.get(x), persons.get(y)));
                for (int i = 0; i < size; i++) ids[i] = boxed[i];
                sorted = true;
            }
            return Arrays.copyOf(ids, Math.min(cap, size));
        }
    }
}
