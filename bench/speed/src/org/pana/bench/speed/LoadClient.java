package org.pana.bench.speed;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single creates: N concurrent clients each posting person bodies to {@code POST /api/v1/persons} one
 * after the other, first for a warm-up, then for a measured duration; requests per second (201s only)
 * and latency percentiles. Given both {@code --raw} and {@code --pana}, it measures the raw peer, then
 * Pana, with the same bodies in the same order, and prints Pana's rate as a share of the raw peer's.
 *
 * <p>{@code LoadClient [--raw http://127.0.0.1:8099] [--pana http://127.0.0.1:8080] [--clients 16]
 * [--warmup 10] [--duration 30] [--bodies new-people.jsonl] [--count 50000] [--rounds 1]
 * [--user registration.officer] [--password pana-demo]}
 */
public final class LoadClient {

    record Result(String target, long created, double seconds, Map<Integer, Integer> statuses, int failures, Latencies latencies) {
        double rate() {
            return created / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int clients = options.number("clients", 16);
        Duration warmup = options.seconds("warmup", 10);
        Duration duration = options.seconds("duration", 30);
        List<String> bodies = People.bodies(options.text("bodies", null), options.number("count", 50_000), 7);
        System.out.printf("single creates: %d clients, %d s warm-up, %d s measured, %d distinct bodies%n",
                clients, warmup.toSeconds(), duration.toSeconds(), bodies.size());
        List<Result> raw = new ArrayList<>();
        List<Result> pana = new ArrayList<>();
        for (int round = 1; round <= options.number("rounds", 1); round++) {
            if (options.has("raw")) raw.add(run("raw peer", PanaClient.of(options, "raw"), bodies, clients, warmup, duration));
            if (options.has("pana")) pana.add(run("Pana", PanaClient.of(options, "pana"), bodies, clients, warmup, duration));
        }
        if (!raw.isEmpty() && !pana.isEmpty()) {
            double rawRate = raw.stream().mapToDouble(Result::rate).average().orElseThrow();
            double panaRate = pana.stream().mapToDouble(Result::rate).average().orElseThrow();
            System.out.printf("RESULT single-creates raw=%.0f/s pana=%.0f/s ratio=%.1f%% (target >= 20%%)%n",
                    rawRate, panaRate, 100 * panaRate / rawRate);
        }
    }

    static Result run(String target, PanaClient client, List<String> bodies, int clients, Duration warmup, Duration duration)
            throws Exception {
        client.signIn();
        AtomicInteger next = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                Latencies own = new Latencies();
                while (true) {
                    long before = System.nanoTime();
                    if (before >= end) break;
                    String body = bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
                    int status;
                    try {
                        HttpResponse<String> response = client.post("/api/v1/persons", body);
                        status = response.statusCode();
                        if (status >= 500 && failures.get() < 3) System.err.println(target + " " + status + ": " + response.body());
                    } catch (Exception e) {
                        status = -1;
                        if (failures.getAndIncrement() < 3) System.err.println(target + ": " + e);
                    }
                    long after = System.nanoTime();
                    if (before >= measureFrom && after <= end) {
                        statuses.merge(status, 1, Integer::sum);
                        if (status == 201) {
                            created.incrementAndGet();
                            own.add(after - before);
                        }
                    }
                }
                latencies.addAll(own);
            }, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
        Result result = new Result(target, created.get(), duration.toNanos() / 1e9, new TreeMap<>(statuses), failures.get(), latencies);
        System.out.printf("%-9s %7.0f creates/s  statuses %s  201 latency %s%n", target, result.rate(), result.statuses(),
                latencies.summary());
        return result;
    }
}
