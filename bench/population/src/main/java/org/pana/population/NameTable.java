package org.pana.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The curated names of {@code names.tsv}: for each name its Arabic-script form and the Latin and Cyrillic
 * spellings seen in real records. Variant spellings come only from here, never from a transliterator, so
 * the benchmarks built on this population do not measure a transliterator against itself.
 */
final class NameTable {

    enum Kind { MALE, FEMALE, FAMILY }

    /** One name: {@code arabic} may be null; the first Cyrillic spelling is the original for Cyrillic-writing origins. */
    record Entry(Kind kind, String origins, String arabic, List<String> latin, List<String> cyrillic) {

        boolean hasCompoundSpellings() {
            return latin.stream().anyMatch(s -> s.indexOf(' ') >= 0) && latin.stream().anyMatch(s -> s.indexOf(' ') < 0);
        }

        /** An Arabic family name written with the article: الحسن, al-Hassan, Аль-Хасан. */
        boolean hasArticle() {
            return arabic != null && arabic.startsWith("ال") && latin.get(0).startsWith("al-");
        }
    }

    private final Map<Origin, Map<Kind, Entry[]>> byOrigin = new EnumMap<>(Origin.class);

    private NameTable(List<Entry> entries) {
        for (Origin origin : Origin.values()) {
            Map<Kind, Entry[]> kinds = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                kinds.put(kind, entries.stream()
                        .filter(e -> e.kind() == kind && e.origins().indexOf(origin.tag) >= 0)
                        .toArray(Entry[]::new));
            }
            byOrigin.put(origin, kinds);
        }
    }

    Entry[] names(Origin origin, Kind kind) {
        return byOrigin.get(origin).get(kind);
    }

    static NameTable load() {
        try (InputStream in = NameTable.class.getResourceAsStream("names.tsv")) {
            if (in == null) {
                throw new IllegalStateException("names.tsv is missing from org/pana/population");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Entry> entries = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 5) {
                    throw new IllegalStateException("names.tsv: 5 columns expected: " + line);
                }
                Kind kind = switch (cells[0]) {
                    case "M" -> Kind.MALE;
                    case "F" -> Kind.FEMALE;
                    case "S" -> Kind.FAMILY;
                    default -> throw new IllegalStateException("names.tsv: unknown kind " + cells[0]);
                };
                entries.add(new Entry(kind, cells[1], "-".equals(cells[2]) ? null : cells[2], spellings(cells[3]),
                        spellings(cells[4])));
            }
            return new NameTable(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> spellings(String cell) {
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(cell.split("\\|"))));
    }
}
