package org.pana.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quality over a seeded generated registry, measured through the in-memory engine (the same keys, selection and
 * scorer as the database): true duplicates in the top 10, precision and recall at the auto-flag threshold, and how
 * often a brother or sister is flagged as the same person. A regression in any of them fails the build.
 */
class MatchingQualityTests {

    record Quality(double top10Recall, double precision, double recall, double siblingMerges, int probes) {}

    static Quality measure(long seed, int size) {
        return measure(seed, size, MatchWeights.defaults());
    }

    static Quality measure(long seed, int size, MatchWeights weights) {
        GeneratedPeople generator = new GeneratedPeople(seed);
        GeneratedPeople.Registry registry = generator.registry(size);
        MatchingEngine engine = new MatchingEngine(weights);
        registry.people().forEach(p -> engine.add(p.profile()));
        int inTop10 = 0, flaggedTrue = 0, flaggedFalse = 0;
        for (int i = 0; i < registry.duplicates().size(); i++) {
            MatchProfile probe = registry.duplicates().get(i);
            var truth = registry.duplicateOf().get(i).profile().personId();
            List<Candidate> top = engine.candidates(probe, 10);
            if (top.stream().anyMatch(c -> c.personId().equals(truth))) inTop10++;
            for (Candidate c : top) {
                if (!c.likelyDuplicate()) continue;
                if (c.personId().equals(truth)) flaggedTrue++;
                else if (!sameIdentity(registry, c.personId(), registry.duplicateOf().get(i).identity())) flaggedFalse++;
            }
        }
        int merged = 0;
        for (GeneratedPeople.Person[] pair : registry.siblings()) {
            if (engine.score(pair[0].profile(), pair[1].profile()).likelyDuplicate()) merged++;
        }
        int n = registry.duplicates().size();
        return new Quality((double) inTop10 / n, flaggedTrue + flaggedFalse == 0 ? 1 : (double) flaggedTrue / (flaggedTrue + flaggedFalse),
                (double) flaggedTrue / n, (double) merged / registry.siblings().size(), n);
    }

    private static boolean sameIdentity(GeneratedPeople.Registry registry, java.util.UUID id, int identity) {
        return registry.people().stream().anyMatch(p -> p.profile().personId().equals(id) && p.identity() == identity);
    }

    @Test
    void findsTrueDuplicatesAndKeepsBrothersAndSistersApart() {
        Quality q = measure(20260501L, 6000);
        System.out.println("matching quality " + q);
        assertThat(q.top10Recall()).as("true duplicates in the top 10").isGreaterThanOrEqualTo(0.99);
        assertThat(q.precision()).as("precision at the auto-flag threshold").isGreaterThanOrEqualTo(0.98);
        assertThat(q.recall()).as("recall at the auto-flag threshold").isGreaterThanOrEqualTo(0.95);
        assertThat(q.siblingMerges()).as("brothers and sisters flagged as one").isLessThanOrEqualTo(0.02);
    }
}
