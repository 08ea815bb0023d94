package org.hotline12345.support;

/** What the benchmarks print of the times they measured. */
public final class Latencies {

    private Latencies() {
    }

    /** The {@code p}-th percentile (nearest rank, 0 < p ≤ 100) of times in nanoseconds, sorted, in milliseconds. */
    public static double millis(long[] sortedNanos, double p) {
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(index, 0)] / 1e6;
    }
}
