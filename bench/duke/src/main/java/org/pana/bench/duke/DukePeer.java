package org.pana.bench.duke;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Runs Duke 1.2 deduplication with a configuration file and writes every link it reports, with its
 * confidence: {@code id1,id2,confidence,match|maybe}. The matching-quality benchmark scores the links.
 *
 * <pre>java -cp target/classes:$(cat target/classpath.txt) org.pana.bench.duke.DukePeer duke.xml links.csv 2</pre>
 */
public final class DukePeer {

    private DukePeer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DukePeer config.xml links.csv [threads]");
            System.exit(2);
        }
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Configuration config = ConfigLoader.load(args[0]);
        long started = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            Processor processor = new Processor(config, true);
            processor.setThreads(threads);
            processor.addMatchListener(new AbstractMatchListener() {
                @Override
                public void matches(Record r1, Record r2, double confidence) {
                    write(out, r1, r2, confidence, "match");
                }

                @Override
                public void matchesPerhaps(Record r1, Record r2, double confidence) {
                    write(out, r1, r2, confidence, "maybe");
                }
            });
            processor.deduplicate();
            processor.close();
        }
        System.out.printf(Locale.ROOT, "duke: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static synchronized void write(BufferedWriter out, Record a, Record b, double confidence, String kind) {
        try {
            out.write(a.getValue("ID") + "," + b.getValue("ID") + "," + String.format(Locale.ROOT, "%.5f", confidence)
                    + "," + kind + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
