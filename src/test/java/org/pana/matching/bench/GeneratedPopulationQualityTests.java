package org.pana.matching.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pana.population.GeneratedPerson;
import org.pana.population.PopulationGenerator;

/**
 * Pana's engine on 3,000 generated records (seed 42, the benchmark's generator and scoring): a regression in
 * finding true duplicates, in precision or recall at the auto-flag threshold, or in keeping brothers and sisters
 * apart fails the build. The targets are top-10 recall >= 0.99, precision >= 0.98, recall >= 0.95 and
 * sibling merges <= 2%; the floors below are what the engine reached when this test was written (2026-11-27)
 * and should be raised to the targets as the engine reaches them.
 */
class GeneratedPopulationQualityTests {

    // Measured 2026-11-27 on this population: top-10 recall 0.971, precision 0.985, recall 0.942, sibling merges 0.001;
    // raised to the targets once short-name slips, Tajik letters and family-prefix keys were in (2026-11-28).
    private static final double TOP10_FLOOR = 0.99;
    private static final double PRECISION_FLOOR = 0.98;
    private static final double RECALL_FLOOR = 0.95;

    @Test
    void panaFindsTrueDuplicatesAndKeepsBrothersAndSistersApart() {
        List<GeneratedPerson> records = new PopulationGenerator(42).people(3_000).toList();
        Truth truth = Truth.of(records);
        Outcome.Quality quality = PanaRun.run(records).score(truth);

        assertThat(truth.duplicatePairs()).hasSizeGreaterThan(200);
        assertThat(truth.siblingPairs()).hasSizeGreaterThan(1_000);
        assertThat(quality.top10Recall()).as("top-10 recall").isGreaterThanOrEqualTo(TOP10_FLOOR);
        assertThat(quality.precision()).as("precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(quality.recall()).as("recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat(quality.siblingMerges()).as("sibling merges").isLessThanOrEqualTo(0.02);
    }

    @Test
    void theScoringCountsAMissedDuplicateAndAFalseMerge() {
        List<GeneratedPerson> records = new PopulationGenerator(7).people(400).toList();
        Truth truth = Truth.of(records);
        long someDuplicate = truth.duplicatePairs().iterator().next();
        long someSiblings = truth.siblingPairs().iterator().next();
        int[][] nothing = new int[records.size()][];
        Outcome onlyWrong = new Outcome("test", nothing, java.util.Set.of(someSiblings), 0, "");
        Outcome.Quality quality = onlyWrong.score(truth);
        assertThat(quality.top10Recall()).isZero();
        assertThat(quality.precision()).isZero();
        assertThat(quality.recall()).isZero();
        assertThat(quality.siblingMerges()).isEqualTo(1.0 / truth.siblingPairs().size());
        Outcome onlyRight = new Outcome("test", nothing, java.util.Set.of(someDuplicate), 0, "");
        assertThat(onlyRight.score(truth).precision()).isEqualTo(1.0);
        assertThat(onlyRight.score(truth).recall()).isEqualTo(1.0 / truth.duplicatePairs().size());
    }
}
