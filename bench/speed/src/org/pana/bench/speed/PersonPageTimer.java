package org.pana.bench.speed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The person page of a person with a long history: first gives one person {@code --edits} changes
 * ({@code PATCH /api/v1/persons/{id}} with {@code If-Match}, a JSON merge patch each), then times
 * {@code GET /persons/{id}} (the HTML page, signed in through the login form) and
 * {@code GET /api/v1/persons/{id}}, after a warm-up.
 *
 * <p>{@code PersonPageTimer --pana URL (--person ID | --ids ids.csv) [--edits 100] [--samples 200]
 * [--warmup 30] [--patch '{"languages":["prs","rus","eng"]}'] [--patch-type application/merge-patch+json]}
 * The default patch alternates the person's languages between two values, so every edit is a change.
 */
public final class PersonPageTimer {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        PanaClient pana = PanaClient.of(options, "pana");
        String id = options.has("person") ? options.text("person", null)
                : Files.lines(Path.of(options.required("ids"))).findFirst().orElseThrow().split(",")[1];
        int edits = options.number("edits", 100);
        int samples = options.number("samples", 200);
        int warmup = options.number("warmup", 30);
        String patchType = options.text("patch-type", "application/merge-patch+json");

        HttpResponse<String> current = pana.get("/api/v1/persons/" + id);
        if (current.statusCode() != 200) throw new IllegalStateException("GET person " + id + ": " + current.statusCode() + " " + current.body());
        String etag = current.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag on GET person"));
        Map<Integer, Integer> patchStatuses = new ConcurrentHashMap<>();
        Latencies patches = new Latencies();
        for (int i = 0; i < edits; i++) {
            String patch = options.has("patch") ? options.text("patch", null).replace("{i}", String.valueOf(i))
                    : (i % 2 == 0 ? "{\"languages\":[\"prs\",\"rus\",\"eng\"],\"reason\":\"Speed benchmark edit " + i + "\"}"
                            : "{\"languages\":[\"prs\",\"rus\"],\"reason\":\"Speed benchmark edit " + i + "\"}");
            String ifMatch = etag;
            long before = System.nanoTime();
            HttpResponse<String> response = pana.send(() -> HttpRequest.newBuilder(URI.create(pana.base + "/api/v1/persons/" + id))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", patchType).header("Accept", "application/json")
                    .header("If-Match", ifMatch).method("PATCH", HttpRequest.BodyPublishers.ofString(patch)));
            patches.add(System.nanoTime() - before);
            patchStatuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PATCH " + (i + 1) + " answered " + response.statusCode() + ": " + response.body());
            }
            etag = response.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag on PATCH"));
        }
        System.out.printf("history:  %d PATCHes with If-Match, statuses %s, %s%n", edits, new TreeMap<>(patchStatuses), patches.summary());

        HttpClient browser = PanaClient.pageSession(pana.base, options.text("user", "registration.officer"),
                options.text("password", PanaClient.DEMO_PASSWORD));
        HttpRequest page = HttpRequest.newBuilder(URI.create(pana.base + "/persons/" + id)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60)).GET().build();
        Latencies pageTimes = new Latencies();
        Latencies apiTimes = new Latencies();
        int pageBytes = 0;
        for (int i = 0; i < warmup + samples; i++) {
            long before = System.nanoTime();
            HttpResponse<String> html = browser.send(page, HttpResponse.BodyHandlers.ofString());
            long pageElapsed = System.nanoTime() - before;
            if (html.statusCode() != 200) throw new IllegalStateException("GET /persons/" + id + " answered " + html.statusCode());
            pageBytes = html.body().length();
            before = System.nanoTime();
            HttpResponse<String> api = pana.get("/api/v1/persons/" + id);
            long apiElapsed = System.nanoTime() - before;
            if (api.statusCode() != 200) throw new IllegalStateException("GET /api/v1/persons/" + id + " answered " + api.statusCode());
            if (i >= warmup) {
                pageTimes.add(pageElapsed);
                apiTimes.add(apiElapsed);
            }
        }
        System.out.printf("RESULT person-page html %s (%d chars)  [target p95 <= 150 ms]%n", pageTimes.summary(), pageBytes);
        System.out.printf("RESULT person-page api  %s  [target p95 <= 150 ms]%n", apiTimes.summary());
    }
}
