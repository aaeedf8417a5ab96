package org.pana.matching.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pana.population.GeneratedPerson;

/**
 * The ground truth of a generated population as pairs of record indexes: true duplicates (same identity) and
 * brothers and sisters (children of one household, or the focal point and a sibling).
 */
record Truth(List<GeneratedPerson> records, Set<Long> duplicatePairs, Set<Long> siblingPairs) {

    static long pair(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    static int first(long pair) {
        return (int) (pair >>> 32);
    }

    static int second(long pair) {
        return (int) pair;
    }

    static Truth of(List<GeneratedPerson> records) {
        Map<String, List<Integer>> byIdentity = new HashMap<>();
        Map<String, List<Integer>> byFamily = new HashMap<>();
        for (GeneratedPerson person : records) {
            byIdentity.computeIfAbsent(person.identity(), k -> new ArrayList<>(2)).add(person.index());
            byFamily.computeIfAbsent(person.family(), k -> new ArrayList<>()).add(person.index());
        }
        Set<Long> duplicates = new HashSet<>();
        for (List<Integer> same : byIdentity.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    duplicates.add(pair(same.get(i), same.get(j)));
                }
            }
        }
        Set<Long> siblings = new HashSet<>();
        for (List<Integer> family : byFamily.values()) {
            for (int i = 0; i < family.size(); i++) {
                for (int j = i + 1; j < family.size(); j++) {
                    GeneratedPerson a = records.get(family.get(i));
                    GeneratedPerson b = records.get(family.get(j));
                    if (!a.identity().equals(b.identity()) && siblings(a.relation(), b.relation())) {
                        siblings.add(pair(a.index(), b.index()));
                    }
                }
            }
        }
        return new Truth(records, duplicates, siblings);
    }

    private static boolean siblings(String a, String b) {
        return (a.equals("CHILD") && b.equals("CHILD")) || (a.equals("SIBLING") && b.equals("SIBLING"))
                || (a.equals("FOCAL_POINT") && b.equals("SIBLING")) || (a.equals("SIBLING") && b.equals("FOCAL_POINT"));
    }

    /** Records that have a true duplicate: each is a probe for top-10 recall. */
    Map<Integer, Set<Integer>> duplicatesByRecord() {
        Map<Integer, Set<Integer>> out = new HashMap<>();
        for (long p : duplicatePairs) {
            out.computeIfAbsent(first(p), k -> new HashSet<>()).add(second(p));
            out.computeIfAbsent(second(p), k -> new HashSet<>()).add(first(p));
        }
        return out;
    }
}
