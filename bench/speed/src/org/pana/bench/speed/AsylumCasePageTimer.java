package org.pana.bench.speed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 5's case page target: {@code GET /asylum/applications/{id}} (the HTML page, signed in through the login form) and
 * {@code GET /api/v1/asylum/applications/{id}} (bearer token), sequentially, after a warm-up, for seeded cases with a long
 * history. The cases are taken in turn, so no single row stays hot in a cache the others would not get. Checks that the
 * page shows every history entry, so a page that silently lost its history cannot pass as fast.
 *
 * <p>{@code AsylumCasePageTimer --pana URL --cases ID[,ID...] [--user eligibility.officer] [--samples 500] [--warmup 200]
 * [--history 50]}
 */
public final class AsylumCasePageTimer {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        PanaClient pana = new PanaClient(options.required("pana"), options.text("user", "eligibility.officer"),
                options.text("password", PanaClient.DEMO_PASSWORD));
        List<String> cases = List.of(options.required("cases").split(","));
        int samples = options.number("samples", 500);
        int warmup = options.number("warmup", 200);
        int history = options.number("history", 50);

        HttpClient browser = PanaClient.pageSession(pana.base, options.text("user", "eligibility.officer"),
                options.text("password", PanaClient.DEMO_PASSWORD));
        List<HttpRequest> pages = new ArrayList<>();
        for (String id : cases) {
            pages.add(HttpRequest.newBuilder(URI.create(pana.base + "/asylum/applications/" + id)).header("Accept", "text/html")
                    .header("Accept-Language", "en").timeout(Duration.ofSeconds(60)).GET().build());
            HttpResponse<String> api = pana.get("/api/v1/asylum/applications/" + id);
            if (api.statusCode() != 200) throw new IllegalStateException("GET /api/v1/asylum/applications/" + id + ": " + api.statusCode() + " " + api.body());
            int entries = api.body().split("\"recordedBy\"", -1).length - 1;
            if (entries != history) throw new IllegalStateException("case " + id + " has " + entries + " history entries, not " + history);
        }
        Latencies pageTimes = new Latencies();
        Latencies apiTimes = new Latencies();
        int pageBytes = 0;
        int apiBytes = 0;
        for (int i = 0; i < warmup + samples; i++) {
            String id = cases.get(i % cases.size());
            long before = System.nanoTime();
            HttpResponse<String> html = browser.send(pages.get(i % cases.size()), HttpResponse.BodyHandlers.ofString());
            long pageElapsed = System.nanoTime() - before;
            if (html.statusCode() != 200) throw new IllegalStateException("GET /asylum/applications/" + id + " answered " + html.statusCode());
            pageBytes = html.body().length();
            before = System.nanoTime();
            HttpResponse<String> api = pana.get("/api/v1/asylum/applications/" + id);
            long apiElapsed = System.nanoTime() - before;
            if (api.statusCode() != 200) throw new IllegalStateException("GET /api/v1/asylum/applications/" + id + " answered " + api.statusCode());
            apiBytes = api.body().length();
            if (i >= warmup) {
                pageTimes.add(pageElapsed);
                apiTimes.add(apiElapsed);
            }
        }
        System.out.printf("cases:    %d with %d history entries each, %d warm-up rounds, then %d timed (page, then API)%n",
                cases.size(), history, warmup, samples);
        System.out.printf("RESULT asylum-case-page html %s (%d chars)  [target p95 < 200 ms]%n", pageTimes.summary(), pageBytes);
        System.out.printf("RESULT asylum-case-page api  %s (%d chars)  [target p95 < 200 ms]%n", apiTimes.summary(), apiBytes);
    }
}
