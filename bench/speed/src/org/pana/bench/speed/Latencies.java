package org.pana.bench.speed;

import java.util.Arrays;

/** Latencies of one measured series, in nanoseconds; thread-safe enough for merging after the run. */
final class Latencies {

    private long[] values = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == values.length) values = Arrays.copyOf(values, count * 2);
        values[count++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) add(other.values[i]);
    }

    synchronized int count() {
        return count;
    }

    /** The nearest-rank percentile in milliseconds, e.g. {@code percentile(95)}. */
    synchronized double percentile(double p) {
        if (count == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    synchronized double max() {
        long max = 0;
        for (int i = 0; i < count; i++) max = Math.max(max, values[i]);
        return max / 1e6;
    }

    /** {@code n=1000 p50=3.1 p95=8.0 p99=12.4 max=40.2 ms}. */
    String summary() {
        return String.format("n=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f ms", count(), percentile(50), percentile(95),
                percentile(99), max());
    }
}
