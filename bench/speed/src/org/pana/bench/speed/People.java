package org.pana.bench.speed;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Person bodies (api.md "People") for the benchmarks: lines of a JSONL file written by the population
 * generator, or, without one, simple seeded synthetic people so the harness can run on its own.
 */
public final class People {

    private People() {}

    /**
     * Writes synthetic people as JSONL, the population generator's command line, for trying the harness
     * before the generator exists: {@code People --size N --seed S --out people.jsonl}.
     */
    public static void main(String[] args) throws IOException {
        Options options = new Options(args);
        Random random = new Random(options.number("seed", 42));
        try (var out = Files.newBufferedWriter(Path.of(options.required("out")), StandardCharsets.UTF_8)) {
            for (int i = 0, n = options.number("size", 1000); i < n; i++) {
                out.write(Json.write(synthetic(random)));
                out.write('\n');
            }
        }
    }

    /** The first {@code limit} lines of the file (each one person body). */
    static List<String> firstLines(Path file, int limit) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (lines.size() < limit && (line = reader.readLine()) != null) {
                if (!line.isBlank()) lines.add(line);
            }
        }
        return lines;
    }

    /** A seeded uniform sample of {@code size} lines with their line numbers (0-based), in one pass over the file. */
    static List<Map.Entry<Integer, String>> sample(Path file, int size, long seed) throws IOException {
        Random random = new Random(seed);
        List<Map.Entry<Integer, String>> sample = new ArrayList<>(size);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int index = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                if (sample.size() < size) {
                    sample.add(Map.entry(index, line));
                } else {
                    int slot = random.nextInt(index + 1);
                    if (slot < size) sample.set(slot, Map.entry(index, line));
                }
                index++;
            }
        }
        return sample;
    }

    /** Bodies from the file when given, otherwise {@code count} synthetic ones. */
    static List<String> bodies(String file, int count, long seed) throws IOException {
        if (file != null) return firstLines(Path.of(file), count);
        List<String> bodies = new ArrayList<>(count);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) bodies.add(Json.write(synthetic(random)));
        return bodies;
    }

    private static final String[][] GIVEN = {
            {"Mohammad", "Мухаммад", "محمد"}, {"Ahmad", "Ахмад", "احمد"}, {"Fatima", "Фатима", "فاطمه"},
            {"Ali", "Али", "علی"}, {"Zahra", "Захра", "زهرا"}, {"Hassan", "Хасан", "حسن"}, {"Maryam", "Марьям", "مریم"},
            {"Omar", "Умар", "عمر"}, {"Layla", "Лейла", "لیلا"}, {"Yusuf", "Юсуф", "یوسف"}};
    private static final String[][] FAMILY = {
            {"Karimi", "Карими", "کریمی"}, {"Rahimi", "Рахими", "رحیمی"}, {"Ahmadi", "Ахмади", "احمدی"},
            {"Hosseini", "Хоссейни", "حسینی"}, {"Sultani", "Султани", "سلطانی"}, {"Haddad", "Хаддад", "حداد"},
            {"Nazari", "Назари", "نظری"}, {"Yousefi", "Юсефи", "یوسفی"}};
    private static final String[] SCRIPTS = {"Latn", "Cyrl", "Arab"};

    /** A person body in api.md's shape, names in two of the three scripts, a passport. */
    static Map<String, Object> synthetic(Random random) {
        int g = random.nextInt(GIVEN.length);
        int f = random.nextInt(FAMILY.length);
        int first = random.nextInt(3);
        int second = (first + 1 + random.nextInt(2)) % 3;
        List<Object> names = new ArrayList<>();
        names.add(name(GIVEN[g][first], FAMILY[f][first], SCRIPTS[first], "DOCUMENT"));
        names.add(name(GIVEN[g][second], FAMILY[f][second], SCRIPTS[second], "DECLARED"));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("jurisdiction", "KAZ");
        person.put("names", names);
        person.put("sex", random.nextBoolean() ? "MALE" : "FEMALE");
        boolean yearOnly = random.nextInt(3) == 0;
        int year = 1950 + random.nextInt(70);
        person.put("birthDate", yearOnly ? year + "-01-01" : String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
        person.put("birthDatePrecision", yearOnly ? "YEAR" : "DAY");
        person.put("nationalities", List.of(random.nextBoolean() ? "AFG" : "SYR"));
        person.put("languages", List.of("prs", "rus"));
        Map<String, Object> passport = new LinkedHashMap<>();
        passport.put("type", "PASSPORT");
        passport.put("number", "P" + (1_000_000 + random.nextInt(9_000_000)));
        passport.put("issuingCountry", "AFG");
        passport.put("expiresOn", "2029-01-31");
        person.put("documents", List.of(passport));
        person.put("specificNeeds", List.of());
        return person;
    }

    private static Map<String, Object> name(String given, String family, String script, String kind) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("given", given);
        name.put("family", family);
        name.put("script", script);
        name.put("kind", kind);
        return name;
    }
}
