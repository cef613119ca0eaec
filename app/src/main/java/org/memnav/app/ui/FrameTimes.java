package org.memnav.app.ui;

import java.util.Arrays;

/**
 * Distribution of a list of durations in milliseconds (frame intervals, FX-thread task times): what the
 * UI benchmark reports. JavaFX-free so the arithmetic is tested without a window.
 */
public record FrameTimes(int count, double medianMs, double p95Ms, double p99Ms, double maxMs, int over33Ms) {

    public static FrameTimes of(long[] nanos) {
        if (nanos.length == 0) {
            return new FrameTimes(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int slow = 0;
        for (long n : sorted) {
            if (n > 33_000_000L) {
                slow++;
            }
        }
        return new FrameTimes(sorted.length, ms(quantile(sorted, 0.5)), ms(quantile(sorted, 0.95)), ms(quantile(sorted, 0.99)),
                ms(sorted[sorted.length - 1]), slow);
    }

    /** Nearest-rank quantile of sorted values. */
    static long quantile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
