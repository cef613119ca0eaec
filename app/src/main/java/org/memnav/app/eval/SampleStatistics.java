package org.memnav.app.eval;

import java.util.Arrays;

/**
 * Summaries of per-episode figures: the mean with a 95 % Student-t confidence interval over episodes
 * (mean +- t(0.975, n-1) * s / sqrt(n); episodes are independent draws, figures roughly normal at this n), and
 * quantiles (linear interpolation between order statistics) for latencies.
 */
public final class SampleStatistics {

    /** t(0.975, df) for df = 1..30; beyond 30 the table below interpolates toward the normal 1.960. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
        2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045,
        2.042};

    private SampleStatistics() {
    }

    /** A mean and its 95 % interval; with fewer than 2 finite values the interval is the mean itself (n says so). */
    public record Interval(double mean, double low, double high, int n) {
        public double halfWidth() {
            return (high - low) / 2;
        }
    }

    /** The t-interval of the finite values (NaN entries, e.g. an episode without revisits, are left out). */
    public static Interval tInterval(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = v.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        if (n == 1) {
            return new Interval(mean, mean, mean, 1);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double half = t975(n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new Interval(mean, mean - half, mean + half, n);
    }

    /**
     * The t-interval of the per-episode differences {@code a[i] - b[i]} (pairs where either is NaN are left out).
     * Two cells run on the same episodes share each episode's difficulty, so the paired interval is much
     * narrower than comparing the two cells' own intervals.
     */
    public static Interval pairedDifference(double[] a, double[] b) {
        return tInterval(differences(a, b));
    }

    /** {@code a[i] - b[i]} for two figures of the same episodes. */
    public static double[] differences(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired figures need the same episodes: " + a.length + " vs " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** The two-sided 95 % critical value of Student's t with {@code df} degrees of freedom. */
    static double t975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        if (df <= T975.length) {
            return T975[df - 1];
        }
        // Beyond the table: 40 -> 2.021, 60 -> 2.000, 120 -> 1.980, infinity -> 1.960, interpolated in 1/df.
        double[] dfs = {30, 40, 60, 120, Double.POSITIVE_INFINITY};
        double[] ts = {2.042, 2.021, 2.000, 1.980, 1.960};
        for (int i = 1; i < dfs.length; i++) {
            if (df <= dfs[i]) {
                double a = 1 / dfs[i - 1];
                double b = 1 / dfs[i];
                double w = (1.0 / df - b) / (a - b);
                return ts[i] + w * (ts[i - 1] - ts[i]);
            }
        }
        return 1.960;
    }

    /** The {@code q} quantile (0..1) of {@code values}, linearly interpolated; NaN when empty. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
