package org.pana.bench.speed;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The non-refoulement guard, as a border officer asks it: {@code POST /api/v1/removal-checks} for loaded people
 * (ids from the batch load), one client, after a warm-up. Before timing, every {@code --grounds-every}-th person
 * to be checked gets a border encounter with asylum intent (an open referral, so the check is blocked, audited and
 * notified like a real one). Prints the latency and how many checks found grounds.
 *
 * <p>{@code RemovalCheckTimer --pana URL --ids ids.csv [--samples 1000] [--warmup 200] [--grounds-every 10]
 * [--user border.officer]}
 */
public final class RemovalCheckTimer {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        PanaClient pana = new PanaClient(options.required("pana"), options.text("user", "border.officer"),
                options.text("password", PanaClient.DEMO_PASSWORD));
        int samples = options.number("samples", 1000);
        int warmup = options.number("warmup", 200);
        List<String> ids;
        try (var lines = Files.lines(Path.of(options.required("ids")))) {
            ids = lines.map(line -> line.split(",")[1]).toList();
        }
        int groundsEvery = options.number("grounds-every", 10);
        for (int i = 0; groundsEvery > 0 && i < warmup + samples; i += groundsEvery) {
            String id = sampled(ids, i);
            HttpResponse<String> encounter = pana.post("/api/v1/border/encounters", "{\"personId\": \"" + id
                    + "\", \"encounteredAt\": \"" + java.time.Instant.now().minusSeconds(3600) + "\", \"borderPoint\": \"KAZ-KHORGOS\","
                    + " \"asylumIntentExpressed\": true}");
            if (encounter.statusCode() != 201) throw new IllegalStateException("encounter answered " + encounter.statusCode() + ": " + encounter.body());
        }
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        int blocked = 0;
        for (int i = 0; i < warmup + samples; i++) {
            String id = sampled(ids, i);
            long before = System.nanoTime();
            HttpResponse<String> response = pana.post("/api/v1/removal-checks", "{\"personId\": \"" + id + "\"}");
            long took = System.nanoTime() - before;
            if (response.statusCode() != 200) throw new IllegalStateException("removal check answered " + response.statusCode() + ": " + response.body());
            if (i < warmup) continue;
            latencies.add(took);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.body().contains("\"removalAllowed\":false")) blocked++;
        }
        System.out.printf("RESULT removal-check clients=1 %s statuses %s, %d of %d with grounds  [target p99 < 50 ms with 100,000 people]%n",
                latencies.summary(), new TreeMap<>(statuses), blocked, samples);
    }

    /** The i-th person checked: spread over the registry, the same on every run. */
    private static String sampled(List<String> ids, int i) {
        return ids.get((int) ((i * 7919L) % ids.size()));
    }
}
