package org.pana.matching.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Pairs with a score, kept compactly; picks the flag threshold that gives the best F1 on a tuning population. */
final class ScoredPairs {
    private long[] pairs = new long[1024];
    private double[] scores = new double[1024];
    private int size;

    synchronized void add(long pair, double score) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, size * 2);
            scores = Arrays.copyOf(scores, size * 2);
        }
        pairs[size] = pair;
        scores[size++] = score;
    }

    synchronized void addAll(ScoredPairs other) {
        for (int i = 0; i < other.size; i++) {
            add(other.pairs[i], other.scores[i]);
        }
    }

    Set<Long> atLeast(double threshold) {
        Set<Long> out = new HashSet<>();
        for (int i = 0; i < size; i++) {
            if (scores[i] >= threshold) {
                out.add(pairs[i]);
            }
        }
        return out;
    }

    /** The threshold (one of the scores seen) at which the flagged pairs reach the best F1 against the truth. */
    double bestThreshold(Set<Long> truePairs) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        Set<Long> seen = new HashSet<>();
        int flagged = 0;
        int correct = 0;
        double bestF1 = -1;
        double best = 1;
        for (int k = 0; k < size; k++) {
            int i = order[k];
            if (seen.add(pairs[i])) {
                flagged++;
                if (truePairs.contains(pairs[i])) {
                    correct++;
                }
            }
            if (k + 1 < size && scores[order[k + 1]] == scores[i]) {
                continue;
            }
            double precision = (double) correct / flagged;
            double recall = (double) correct / truePairs.size();
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = scores[i];
            }
        }
        return best;
    }
}
