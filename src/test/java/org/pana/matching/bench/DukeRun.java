package org.pana.matching.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pana.population.GeneratedName;
import org.pana.population.GeneratedPerson;

/**
 * Peer (b): Duke 1.2 on its own classpath (bench/duke, Lucene 4), fed a CSV of Pana's Latinised names, birth
 * date and sex. Duke writes its links with a confidence; the ten most confident per record are its candidates
 * and a pair is flagged at or above the threshold tuned on another seed.
 */
final class DukeRun {

    private DukeRun() {}

    /** Pana's own Latin form of a name (org.pana.matching.Latinisation#latin, package-private, read reflectively). */
    static Function<String, String> panaLatin() {
        try {
            Method latin = Class.forName("org.pana.matching.Latinisation").getDeclaredMethod("latin", String.class);
            latin.setAccessible(true);
            return s -> {
                try {
                    return (String) latin.invoke(null, s);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Pana's Latinisation is not on the classpath", e);
        }
    }

    record Run(int[][] top10, ScoredPairs pairs, double seconds) {}

    static Run run(List<GeneratedPerson> records, Path work, Path dukeModule, int threads) throws Exception {
        Files.createDirectories(work);
        Path csv = work.resolve("duke-input.csv");
        Function<String, String> latin = panaLatin();
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,given,family,patronymic,birth,sex\n");
            for (GeneratedPerson person : records) {
                Set<String> given = new LinkedHashSet<>();
                Set<String> family = new LinkedHashSet<>();
                Set<String> patronymic = new LinkedHashSet<>();
                for (GeneratedName name : person.names()) {
                    add(given, latin, name.given());
                    add(family, latin, name.family());
                    add(patronymic, latin, name.patronymic());
                }
                out.write(person.index() + "," + String.join("|", given) + "," + String.join("|", family) + ","
                        + String.join("|", patronymic) + "," + person.birthDate() + "," + person.sex() + "\n");
            }
        }
        String template = Files.readString(dukeModule.resolve("src/main/resources/duke-template.xml"));
        Path config = work.resolve("duke.xml");
        Files.writeString(config, template.replace("INPUT_FILE", csv.toAbsolutePath().toString()));
        Path links = work.resolve("duke-links.csv");
        String classpath = dukeModule.resolve("target/classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(dukeModule.resolve("target/classpath.txt")).trim();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classpath, "org.pana.bench.duke.DukePeer", config.toString(), links.toString(),
                Integer.toString(threads))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("duke.log").toFile())
                .start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("Duke failed (" + exit + "), see " + work.resolve("duke.log"));
        }
        ScoredPairs pairs = new ScoredPairs();
        Map<Integer, List<double[]>> byRecord = new HashMap<>();
        Map<Long, Double> best = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(links, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",");
                int a = Integer.parseInt(cells[0]);
                int b = Integer.parseInt(cells[1]);
                if (a == b) {
                    continue;
                }
                best.merge(Truth.pair(a, b), Double.parseDouble(cells[2]), Math::max);
            }
        }
        best.forEach((pair, confidence) -> {
            pairs.add(pair, confidence);
            byRecord.computeIfAbsent(Truth.first(pair), k -> new ArrayList<>()).add(new double[] {Truth.second(pair), confidence});
            byRecord.computeIfAbsent(Truth.second(pair), k -> new ArrayList<>()).add(new double[] {Truth.first(pair), confidence});
        });
        int[][] top10 = new int[records.size()][];
        byRecord.forEach((record, candidates) -> {
            candidates.sort((x, y) -> Double.compare(y[1], x[1]));
            top10[record] = candidates.stream().limit(10).mapToInt(c -> (int) c[0]).toArray();
        });
        return new Run(top10, pairs, seconds);
    }

    private static void add(Set<String> values, Function<String, String> latin, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String value = latin.apply(name);
        if (value != null) {
            value = value.replaceAll("[,|\"]", " ").trim();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
    }
}
