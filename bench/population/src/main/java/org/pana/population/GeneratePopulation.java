package org.pana.population;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Writes a generated population: one request body per line (JSONL) and, optionally, the ground truth as
 * CSV. All people are fictional.
 *
 * <pre>
 * java -cp target/classes org.pana.population.GeneratePopulation --size 1000000 --seed 42 \
 *      --out people.jsonl --truth truth.csv [--jurisdiction KAZ]
 * </pre>
 */
public final class GeneratePopulation {

    private GeneratePopulation() {}

    public static void main(String[] args) throws IOException {
        int size = 1_000;
        long seed = 42;
        Path out = Path.of("people.jsonl");
        Path truth = null;
        String jurisdiction = "KAZ";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(required(args[i], value));
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--out" -> out = Path.of(required(args[i], value));
                case "--truth" -> truth = Path.of(required(args[i], value));
                case "--jurisdiction" -> jurisdiction = required(args[i], value);
                default -> {
                    System.err.println("usage: GeneratePopulation --size N --seed S --out people.jsonl"
                            + " [--truth truth.csv] [--jurisdiction KAZ]");
                    System.exit(2);
                    return;
                }
            }
            i++;
        }
        long started = System.nanoTime();
        int written = write(new PopulationGenerator(seed).iterator(size), jurisdiction, out, truth);
        System.out.printf("%d fictional people (seed %d) written to %s%s in %.1f s%n", written, seed, out,
                truth == null ? "" : " and " + truth, (System.nanoTime() - started) / 1e9);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** Writes the records to {@code out} (JSONL) and, if {@code truth} is not null, their ground truth (CSV). */
    static int write(Iterator<GeneratedPerson> people, String jurisdiction, Path out, Path truth) throws IOException {
        int count = 0;
        StringBuilder line = new StringBuilder(1024);
        try (BufferedWriter bodies = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                Writer truths = truth == null ? Writer.nullWriter() : Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            truths.write("# Ground truth of a generated population; every person is fictional.\n");
            truths.write(PersonBodies.TRUTH_HEADER);
            truths.write('\n');
            while (people.hasNext()) {
                GeneratedPerson person = people.next();
                line.setLength(0);
                PersonBodies.append(line, person, jurisdiction);
                line.append('\n');
                bodies.append(line);
                truths.write(PersonBodies.truth(person));
                truths.write('\n');
                count++;
            }
        }
        return count;
    }
}
