package org.pana.bench.speed;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a JSONL population (one api.md person body per line) through {@code POST /api/v1/persons/batch}:
 * the file is streamed in arrays of up to 1,000 people, each batch with an {@code Idempotency-Key} of
 * its own, 2-4 batches in flight; a failed request (5xx, timeout, connection) is retried with the same
 * key, so nothing is written twice. Reports total time, people per second and the per-person statuses,
 * and writes {@code line,id,registrationNumber} for every person created (the probes of the other
 * measurements come from it).
 *
 * <p>{@code BatchLoader --pana http://127.0.0.1:8080 --file people.jsonl [--ids ids.csv] [--batch 1000]
 * [--concurrency 3] [--limit N] [--user registration.officer] [--password pana-demo]}
 */
public final class BatchLoader {

    private record Batch(int number, int firstLine, List<String> people) {}

    private static final Batch END = new Batch(-1, -1, List.of());

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        PanaClient pana = PanaClient.of(options, "pana");
        Path file = Path.of(options.required("file"));
        int batchSize = options.number("batch", 1000);
        int concurrency = options.number("concurrency", 3);
        long limit = options.number("limit", Integer.MAX_VALUE);
        String run = UUID.randomUUID().toString().substring(0, 8);
        BufferedWriter ids = options.has("ids") ? Files.newBufferedWriter(Path.of(options.text("ids", null)), StandardCharsets.UTF_8) : null;
        pana.signIn();

        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(concurrency * 2);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong done = new AtomicLong();
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        Thread[] workers = new Thread[concurrency];
        Throwable[] failure = new Throwable[1];
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Thread(() -> {
                try {
                    for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                        long before = System.nanoTime();
                        Map<String, Object> answer = send(pana, run, batch);
                        latencies.add(System.nanoTime() - before);
                        record(answer, batch, statuses, ids);
                        done.addAndGet(batch.people().size());
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        if (failure[0] == null) failure[0] = e;
                    }
                }
            }, "loader-" + w);
            workers[w].start();
        }

        Thread progress = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(15_000);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.err.printf("  loaded %d in %.0f s (%.0f/s)%n", done.get(), seconds, done.get() / seconds);
                }
            } catch (InterruptedException e) {
                // finished
            }
        });
        progress.setDaemon(true);
        progress.start();

        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int line = 0;
            int number = 0;
            java.util.ArrayList<String> people = new java.util.ArrayList<>(batchSize);
            int first = 0;
            String text;
            while (line < limit && (text = reader.readLine()) != null) {
                if (text.isBlank()) continue;
                if (people.isEmpty()) first = line;
                people.add(text);
                line++;
                if (people.size() == batchSize) {
                    put(queue, new Batch(number++, first, List.copyOf(people)), failure);
                    people.clear();
                }
            }
            if (!people.isEmpty()) put(queue, new Batch(number, first, List.copyOf(people)), failure);
        }
        for (int w = 0; w < concurrency; w++) queue.put(END);
        for (Thread worker : workers) worker.join();
        progress.interrupt();
        if (ids != null) ids.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure[0] != null) {
            System.err.println("batch load FAILED after " + done.get() + " people: " + failure[0]);
            System.exit(1);
        }
        System.out.printf("batches:  %d requests of up to %d, %d in flight; request latency %s%n", latencies.count(), batchSize,
                concurrency, latencies.summary());
        System.out.printf("statuses: %s%n", new TreeMap<>(statuses));
        System.out.printf("RESULT batch-load people=%d seconds=%.1f rate=%.0f/s (target: 1,000,000 in < 600 s)%n",
                done.get(), seconds, done.get() / seconds);
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch, Throwable[] failure) throws InterruptedException {
        while (!queue.offer(batch, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            synchronized (failure) {
                if (failure[0] != null) throw new IllegalStateException("a loader failed", failure[0]);
            }
        }
    }

    private static Map<String, Object> send(PanaClient pana, String run, Batch batch) throws Exception {
        String body = "[" + String.join(",", batch.people()) + "]";
        String key = "bench-load-" + run + "-" + batch.number();
        Exception last = null;
        for (int attempt = 1; attempt <= 4; attempt++) {
            try {
                HttpResponse<String> response = pana.send(() -> pana.json("/api/v1/persons/batch", body).header("Idempotency-Key", key));
                if (response.statusCode() == 200) return Json.object(response.body());
                if (response.statusCode() < 500 && response.statusCode() != 409) {
                    throw new IllegalStateException("batch " + batch.number() + " answered " + response.statusCode() + ": "
                            + abbreviated(response.body()));
                }
                last = new IOException("batch " + batch.number() + " answered " + response.statusCode() + ": " + abbreviated(response.body()));
            } catch (IOException e) {
                last = e;
            }
            System.err.println("  retrying batch " + batch.number() + " (" + last.getMessage() + ")");
            Thread.sleep(1000L * attempt);
        }
        throw last;
    }

    private static void record(Map<String, Object> answer, Batch batch, Map<Integer, Long> statuses, BufferedWriter ids) throws IOException {
        List<?> results = (List<?>) answer.get("results");
        StringBuilder lines = new StringBuilder();
        for (Object item : results) {
            Map<?, ?> result = (Map<?, ?>) item;
            int status = ((Number) result.get("status")).intValue();
            statuses.merge(status, 1L, Long::sum);
            if (status == 201 && ids != null) {
                int line = batch.firstLine() + ((Number) result.get("index")).intValue();
                lines.append(line).append(',').append(result.get("id")).append(',').append(result.get("registrationNumber")).append('\n');
            } else if (status != 201 && statuses.get(status) <= 3) {
                System.err.println("  line " + (batch.firstLine() + ((Number) result.get("index")).intValue()) + ": " + status + " "
                        + abbreviated(Json.write(result.get("problem"))));
            }
        }
        if (ids != null) {
            synchronized (ids) {
                ids.write(lines.toString());
            }
        }
    }

    static String abbreviated(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
