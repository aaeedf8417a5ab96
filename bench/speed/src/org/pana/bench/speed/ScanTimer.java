package org.pana.bench.speed;

import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A full duplicate scan as a background job: {@code POST /api/v1/matching/scans}, then
 * {@code GET /api/v1/matching/scans/{id}} every few seconds until the job says it is finished; prints
 * the progress it reports and the wall-clock time from start to finish.
 *
 * <p>{@code ScanTimer --pana URL [--body '{}'] [--poll 5] [--timeout 1800] [--user registration.officer]}
 * The job is finished when its {@code status} (or {@code state}) is one of DONE, COMPLETED, SUCCEEDED,
 * FINISHED, FAILED, CANCELLED, or when it has a non-null {@code finishedAt}/{@code completedAt}.
 */
public final class ScanTimer {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        PanaClient pana = PanaClient.of(options, "pana");
        int poll = options.number("poll", 5);
        int timeout = options.number("timeout", 1800);
        long start = System.nanoTime();
        HttpResponse<String> started = pana.post("/api/v1/matching/scans", options.text("body", "{}"));
        if (started.statusCode() / 100 != 2) {
            throw new IllegalStateException("starting the scan answered " + started.statusCode() + ": " + started.body());
        }
        Map<String, Object> job = Json.object(started.body());
        String id = String.valueOf(job.get("id"));
        System.out.println("scan " + id + " started: " + started.statusCode() + " " + BatchLoader.abbreviated(started.body()));
        while (!finished(job)) {
            if ((System.nanoTime() - start) / 1e9 > timeout) throw new IllegalStateException("scan not finished after " + timeout + " s");
            Thread.sleep(poll * 1000L);
            HttpResponse<String> status = pana.get("/api/v1/matching/scans/" + id);
            if (status.statusCode() != 200) throw new IllegalStateException("polling answered " + status.statusCode() + ": " + status.body());
            job = Json.object(status.body());
            System.err.printf("  %.0f s: %s%n", (System.nanoTime() - start) / 1e9, BatchLoader.abbreviated(summary(job)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("final: " + BatchLoader.abbreviated(summary(job)));
        System.out.printf("RESULT full-scan status=%s seconds=%.1f  [target < 600 s for 1,000,000 people]%n", state(job), seconds);
    }

    private static String state(Map<String, Object> job) {
        Object state = job.containsKey("status") ? job.get("status") : job.get("state");
        return String.valueOf(state).toUpperCase(java.util.Locale.ROOT);
    }

    private static boolean finished(Map<String, Object> job) {
        if (job.get("finishedAt") != null || job.get("completedAt") != null) return true;
        return java.util.Set.of("DONE", "COMPLETED", "SUCCEEDED", "FINISHED", "FAILED", "CANCELLED", "CANCELED").contains(state(job));
    }

    /** The job without long lists (clusters), for the log. */
    private static String summary(Map<String, Object> job) {
        Map<String, Object> shown = new java.util.LinkedHashMap<>();
        job.forEach((key, value) -> shown.put(key, value instanceof java.util.List<?> list ? "[" + list.size() + " items]" : value));
        return Json.write(shown);
    }
}
