package org.pana.matching.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pana.population.GeneratedPerson;
import org.pana.population.PopulationGenerator;

/**
 * The matching-quality benchmark: one generated population, three matchers on the same records — (a) ICU +
 * Jaro-Winkler on full names, (b) Duke 1.2 on Pana's Latinised names, (c) Pana's engine — scored against the
 * ground truth: top-10 recall of true duplicates, precision, recall and F1 of the flagged pairs, and the share of
 * sibling pairs flagged as one person. The peers' flag thresholds are tuned for best F1 on another seed
 * ({@code seed + 1}, at most 10,000 records); Pana uses its own auto-flag threshold.
 *
 * <p>Run with {@code bench/matching-quality.sh [size] [seed]}; arguments: size, seed, output markdown file,
 * path of the bench/duke module (skip Duke with {@code -Dbench.duke=false}).
 */
public final class MatchingQualityBenchmark {

    private MatchingQualityBenchmark() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        Path report = Path.of(args.length > 2 ? args[2] : "target/matching-quality.md");
        Path duke = Path.of(args.length > 3 ? args[3] : "bench/duke");
        boolean withDuke = Boolean.parseBoolean(System.getProperty("bench.duke", "true"));
        int threads = Runtime.getRuntime().availableProcessors();
        Path work = report.toAbsolutePath().getParent().resolve("matching-quality-work");

        int tuneSize = Math.min(size, 10_000);
        List<GeneratedPerson> tuning = new PopulationGenerator(seed + 1).people(tuneSize).toList();
        Truth tuningTruth = Truth.of(tuning);
        List<GeneratedPerson> records = new PopulationGenerator(seed).people(size).toList();
        Truth truth = Truth.of(records);
        System.out.printf("%d records (seed %d): %d true duplicate pairs, %d sibling pairs; tuning on seed %d, %d records%n",
                size, seed, truth.duplicatePairs().size(), truth.siblingPairs().size(), seed + 1, tuneSize);

        List<Outcome.Quality> rows = new ArrayList<>();

        double baselineThreshold = JaroWinklerBaseline.run(tuning, 0.80).pairs().bestThreshold(tuningTruth.duplicatePairs());
        JaroWinklerBaseline.Run baseline = JaroWinklerBaseline.run(records, 0.80);
        rows.add(new Outcome("(a) ICU + Jaro-Winkler", baseline.top10(), baseline.pairs().atLeast(baselineThreshold),
                baseline.seconds(), "threshold %.4f tuned on seed %d".formatted(baselineThreshold, seed + 1)).score(truth));
        System.out.println(rows.get(rows.size() - 1));

        if (withDuke) {
            double dukeThreshold = DukeRun.run(tuning, work.resolve("tuning"), duke, threads).pairs()
                    .bestThreshold(tuningTruth.duplicatePairs());
            DukeRun.Run run = DukeRun.run(records, work.resolve("run"), duke, threads);
            rows.add(new Outcome("(b) Duke 1.2", run.top10(), run.pairs().atLeast(dukeThreshold), run.seconds(),
                    "threshold %.4f tuned on seed %d".formatted(dukeThreshold, seed + 1)).score(truth));
            System.out.println(rows.get(rows.size() - 1));
        }

        rows.add(PanaRun.run(records).score(truth));
        System.out.println(rows.get(rows.size() - 1));

        StringBuilder out = new StringBuilder();
        out.append("Matching quality, %d generated records (seed %d), %d true duplicate pairs, %d sibling pairs%n%n"
                .formatted(size, seed, truth.duplicatePairs().size(), truth.siblingPairs().size()));
        out.append(Outcome.table(rows));
        out.append('\n');
        rows.forEach(r -> out.append("- %s: %s; %d pairs flagged%n".formatted(r.matcher(), r.note(), r.flaggedPairs())));
        System.out.println();
        System.out.print(out);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, out.toString());
    }
}
