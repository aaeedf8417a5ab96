package org.pana.matching.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one matcher produced on one population: each record's ten best candidates (record indexes, best first)
 * and every pair it flags as the same person; scored against the {@link Truth}.
 */
record Outcome(String matcher, int[][] top10, Set<Long> flagged, double seconds, String note) {

    record Quality(String matcher, double top10Recall, double precision, double recall, double f1,
            double siblingMerges, int siblingPairs, int flaggedPairs, double seconds, String note) {

        String row() {
            return "| %s | %.4f | %.4f | %.4f | %.4f | %.4f (%d of %d) | %.1f s |".formatted(matcher, top10Recall, precision,
                    recall, f1, siblingMerges, Math.round(siblingMerges * siblingPairs), siblingPairs, seconds);
        }
    }

    Quality score(Truth truth) {
        Map<Integer, Set<Integer>> duplicates = truth.duplicatesByRecord();
        int found = 0;
        for (Map.Entry<Integer, Set<Integer>> probe : duplicates.entrySet()) {
            int[] top = top10[probe.getKey()];
            if (top != null && Arrays.stream(top).anyMatch(probe.getValue()::contains)) {
                found++;
            }
        }
        long truePositives = flagged.stream().filter(truth.duplicatePairs()::contains).count();
        long siblingMerges = flagged.stream().filter(truth.siblingPairs()::contains).count();
        double precision = flagged.isEmpty() ? 1 : (double) truePositives / flagged.size();
        double recall = truth.duplicatePairs().isEmpty() ? 1 : (double) truePositives / truth.duplicatePairs().size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Quality(matcher, duplicates.isEmpty() ? 1 : (double) found / duplicates.size(), precision, recall, f1,
                truth.siblingPairs().isEmpty() ? 0 : (double) siblingMerges / truth.siblingPairs().size(),
                truth.siblingPairs().size(), flagged.size(), seconds, note);
    }

    static String table(List<Quality> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| matcher | top-10 recall | precision | recall | F1 | sibling merges | time |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row.row()).append('\n'));
        return out.toString();
    }
}
