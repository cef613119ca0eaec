package org.memnav.simbridge.bench;

import java.util.Arrays;

/** Round-trip times of one measured loop, in nanoseconds, summarised as median and 99th percentile. */
public record RoundTrips(long[] nanos) {
    public RoundTrips {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no round trips measured");
        }
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    public double medianMs() {
        return percentileMs(50);
    }

    public double p99Ms() {
        return percentileMs(99);
    }

    public double totalSeconds() {
        long sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return sum / 1e9;
    }

    public int count() {
        return nanos.length;
    }

    private double percentileMs(double p) {
        int i = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
    }
}
