package org.pana.bench.speed;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency of duplicate candidates ({@code POST /api/v1/persons/duplicate-candidates}) and search
 * ({@code POST /api/v1/persons/search}) through HTTP, single client and concurrent, after a warm-up.
 *
 * <p>Probes come from the generated population. Duplicate candidates: an <em>existing</em> person
 * (a seeded sample of the loaded file) written in another script (one of the person's other names,
 * or the first name crudely transliterated between Latin and Cyrillic), without documents; and a
 * <em>new</em> person (a file that was not loaded). Search: the other-script "given family", the
 * family name alone, a registration number and a document number of existing people, and the name of
 * a new person.
 *
 * <p>{@code LatencySampler --pana URL --existing people.jsonl [--ids ids.csv] [--new new-people.jsonl]
 * [--probes 400] [--warmup 200] [--concurrency 1,4] [--limit 10] [--only candidates|search]}
 */
public final class LatencySampler {

    record Probe(String kind, String body) {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        PanaClient pana = PanaClient.of(options, "pana");
        int probes = options.number("probes", 400);
        int warmup = options.number("warmup", 200);
        long seed = options.number("seed", 11);
        Random random = new Random(seed);
        // Existing people: a seeded sample of the loaded file, with their registration numbers when known.
        Map<Integer, String> numbers = registrationNumbers(options.text("ids", null));
        List<Map.Entry<Integer, String>> existing = People.sample(Path.of(options.required("existing")), probes + warmup, seed);
        Collections.shuffle(existing, random);
        List<String> fresh = People.bodies(options.text("new", null), probes + warmup, seed + 1);
        if (options.text("new", null) == null) System.out.println("(no --new file: new people are synthetic)");

        List<Probe> candidates = new ArrayList<>();
        List<Probe> searches = new ArrayList<>();
        for (int i = 0; i < probes + warmup; i++) {
            Map<String, Object> person = Json.object(existing.get(i % existing.size()).getValue());
            int line = existing.get(i % existing.size()).getKey();
            Map<String, Object> other = otherScriptName(person);
            if (i % 2 == 0) {
                candidates.add(new Probe("existing, other script", Json.write(probeOf(person, other))));
            } else {
                candidates.add(new Probe("new person", fresh.get(i % fresh.size())));
            }
            Probe search = switch (i % 5) {
                case 0 -> new Probe("other-script given+family", query(join(other.get("given"), other.get("family"))));
                case 1 -> new Probe("family name alone", query(String.valueOf(other.get("family"))));
                case 2 -> numbers.containsKey(line) ? new Probe("registration number", query(numbers.get(line)))
                        : new Probe("other-script given+family", query(join(other.get("given"), other.get("family"))));
                case 3 -> documentNumber(person) != null ? new Probe("document number", query(documentNumber(person)))
                        : new Probe("family name alone", query(String.valueOf(other.get("family"))));
                default -> {
                    Map<String, Object> newcomer = Json.object(fresh.get(i % fresh.size()));
                    Map<?, ?> name = (Map<?, ?>) ((List<?>) newcomer.get("names")).get(0);
                    yield new Probe("new person's name", query(join(name.get("given"), name.get("family"))));
                }
            };
            searches.add(search);
        }

        String only = options.text("only", "");
        String limit = options.text("limit", "10");
        for (String level : options.text("concurrency", "1,4").split(",")) {
            int clients = Integer.parseInt(level.trim());
            if (!only.equals("search")) {
                measure("duplicate-candidates", pana, "/api/v1/persons/duplicate-candidates?limit=" + limit, candidates, warmup, clients,
                        "p95 <= 50 ms, p99 <= 100 ms");
            }
            if (!only.equals("candidates")) {
                measure("search", pana, "/api/v1/persons/search", searches, warmup, clients, "p95 <= 100 ms");
            }
        }
    }

    private static void measure(String name, PanaClient pana, String path, List<Probe> probes, int warmup, int clients, String target)
            throws Exception {
        pana.signIn();
        AtomicInteger next = new AtomicInteger();
        Map<String, Latencies> byKind = new ConcurrentHashMap<>();
        Latencies all = new Latencies();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, long[]> hits = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long[] measuredFrom = {0};
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    int i = next.getAndIncrement();
                    if (i >= probes.size()) break;
                    Probe probe = probes.get(i);
                    long before = System.nanoTime();
                    int status;
                    String body = null;
                    try {
                        HttpResponse<String> response = pana.post(path, probe.body());
                        status = response.statusCode();
                        body = response.body();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long elapsed = System.nanoTime() - before;
                    if (i < warmup) continue;
                    synchronized (measuredFrom) {
                        if (measuredFrom[0] == 0) measuredFrom[0] = before;
                    }
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 200) {
                        all.add(elapsed);
                        byKind.computeIfAbsent(probe.kind(), k -> new Latencies()).add(elapsed);
                        long[] found = hits.computeIfAbsent(probe.kind(), k -> new long[2]);
                        synchronized (found) {
                            found[0]++;
                            found[1] += resultCount(body);
                        }
                    } else if (statuses.get(status) <= 2) {
                        System.err.println("  " + name + " " + status + ": " + BatchLoader.abbreviated(body));
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
        double seconds = (System.nanoTime() - Math.max(measuredFrom[0], start)) / 1e9;
        System.out.printf("RESULT %s clients=%d %s (%.0f/s) statuses %s  [target %s]%n", name, clients, all.summary(),
                all.count() / seconds, new TreeMap<>(statuses), target);
        for (Map.Entry<String, Latencies> kind : new TreeMap<>(byKind).entrySet()) {
            long[] found = hits.get(kind.getKey());
            System.out.printf("         %-28s %s, %.1f results per answer%n", kind.getKey(), kind.getValue().summary(),
                    found == null ? 0.0 : (double) found[1] / Math.max(1, found[0]));
        }
    }

    private static int resultCount(String body) {
        try {
            Map<String, Object> answer = Json.object(body);
            Object items = answer.containsKey("candidates") ? answer.get("candidates") : answer.get("items");
            return items instanceof List<?> list ? list.size() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Map<Integer, String> registrationNumbers(String file) throws IOException {
        Map<Integer, String> numbers = new HashMap<>();
        if (file == null) return numbers;
        try (var lines = Files.lines(Path.of(file))) {
            lines.forEach(line -> {
                String[] parts = line.split(",");
                if (parts.length == 3) numbers.put(Integer.parseInt(parts[0]), parts[2]);
            });
        }
        return numbers;
    }

    /** The probe of an existing person: one name in another script, birth data and nationality, no documents. */
    private static Map<String, Object> probeOf(Map<String, Object> person, Map<String, Object> name) {
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("jurisdiction", person.getOrDefault("jurisdiction", "KAZ"));
        probe.put("names", List.of(name));
        for (String field : new String[] {"sex", "birthDate", "birthDatePrecision", "nationalities"}) {
            if (person.get(field) != null) probe.put(field, person.get(field));
        }
        return probe;
    }

    /** A name of the person in a script other than the first name's, or the first name transliterated. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> otherScriptName(Map<String, Object> person) {
        List<Map<String, Object>> names = (List<Map<String, Object>>) person.get("names");
        Map<String, Object> first = names.get(0);
        for (Map<String, Object> name : names) {
            if (!String.valueOf(name.get("script")).equals(String.valueOf(first.get("script")))) return name;
        }
        if (!"Latn".equals(first.get("script")) && !"Cyrl".equals(first.get("script"))) return first;
        Map<String, Object> other = new LinkedHashMap<>();
        boolean toCyrillic = !"Cyrl".equals(first.get("script"));
        for (String part : new String[] {"given", "family", "patronymic"}) {
            if (first.get(part) != null) other.put(part, Transliteration.convert((String) first.get(part), toCyrillic));
        }
        other.put("script", toCyrillic ? "Cyrl" : "Latn");
        other.put("kind", "DECLARED");
        return other;
    }

    private static String documentNumber(Map<String, Object> person) {
        if (person.get("documents") instanceof List<?> documents && !documents.isEmpty()) {
            return (String) ((Map<?, ?>) documents.get(0)).get("number");
        }
        return null;
    }

    private static String join(Object given, Object family) {
        return ((given == null ? "" : given + " ") + (family == null ? "" : family)).trim();
    }

    private static String query(String text) {
        return Json.write(Map.of("query", text, "page", 0, "size", 20));
    }
}
