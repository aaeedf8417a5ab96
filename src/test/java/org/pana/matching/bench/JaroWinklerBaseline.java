package org.pana.matching.bench;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.pana.population.GeneratedName;
import org.pana.population.GeneratedPerson;

/**
 * Peer (a): every full name (given and family name, as written) transliterated with ICU {@code Any-Latin;
 * Latin-ASCII}, lower-cased, compared with Jaro-Winkler against every other record, the best pair of names
 * counting; nothing else (no birth date, no blocking). A pair is flagged at or above the threshold.
 */
final class JaroWinklerBaseline {

    private static final Transliterator LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    /** Scores all pairs; keeps each record's ten best and every pair at or above {@code keepAbove}. */
    static Run run(List<GeneratedPerson> records, double keepAbove) {
        long started = System.nanoTime();
        char[][][] names = new char[records.size()][][];
        for (int i = 0; i < records.size(); i++) {
            names[i] = fullNames(records.get(i));
        }
        int n = records.size();
        int[][] top10 = new int[n][];
        ScoredPairs kept = new ScoredPairs();
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] bestIds = new int[10];
            double[] bestScores = new double[10];
            java.util.Arrays.fill(bestScores, -1);
            ScoredPairs local = new ScoredPairs();
            boolean[] matchedA = new boolean[64];
            boolean[] matchedB = new boolean[64];
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double score = 0;
                for (char[] a : names[i]) {
                    for (char[] b : names[j]) {
                        double s = jaroWinkler(a, b, matchedA, matchedB);
                        if (s > score) {
                            score = s;
                        }
                    }
                }
                if (score > bestScores[9]) {
                    int at = 9;
                    while (at > 0 && bestScores[at - 1] < score) {
                        bestScores[at] = bestScores[at - 1];
                        bestIds[at] = bestIds[at - 1];
                        at--;
                    }
                    bestScores[at] = score;
                    bestIds[at] = j;
                }
                if (j > i && score >= keepAbove) {
                    local.add(Truth.pair(i, j), score);
                }
            }
            int count = 0;
            while (count < 10 && bestScores[count] >= 0) {
                count++;
            }
            top10[i] = java.util.Arrays.copyOf(bestIds, count);
            kept.addAll(local);
        });
        return new Run(top10, kept, (System.nanoTime() - started) / 1e9);
    }

    record Run(int[][] top10, ScoredPairs pairs, double seconds) {}

    static char[][] fullNames(GeneratedPerson person) {
        Set<String> out = new LinkedHashSet<>();
        for (GeneratedName name : person.names()) {
            String full = (name.given() == null ? "" : name.given()) + " " + (name.family() == null ? "" : name.family());
            String latin;
            synchronized (LATIN) {
                latin = LATIN.transliterate(full);
            }
            out.add(latin.replaceAll("[^a-z ]", "").replaceAll(" +", " ").trim());
        }
        List<char[]> chars = new ArrayList<>();
        for (String s : out) {
            chars.add(s.length() > 63 ? s.substring(0, 63).toCharArray() : s.toCharArray());
        }
        return chars.toArray(char[][]::new);
    }

    /** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), as Commons Text computes it, without allocation. */
    static double jaroWinkler(char[] a, char[] b, boolean[] matchedA, boolean[] matchedB) {
        int la = a.length;
        int lb = b.length;
        if (la == 0 || lb == 0) {
            return la == lb ? 1 : 0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        java.util.Arrays.fill(matchedA, 0, la, false);
        java.util.Arrays.fill(matchedB, 0, lb, false);
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a[i];
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && b[j] == c) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a[i] != b[k]) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, Math.min(la, lb)) && a[i] == b[i]; i++) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
