package org.memnav.recordings.query;

/** A span of log time, both ends inclusive, nanoseconds since the epoch. */
public record TimeRange(long startNs, long endNs) {
    public TimeRange {
        if (endNs < startNs) {
            throw new IllegalArgumentException("time range ends (" + endNs + ") before it starts (" + startNs + ")");
        }
    }

    public long durationNs() {
        return endNs - startNs;
    }

    public boolean contains(long t) {
        return t >= startNs && t <= endNs;
    }

    /** {@code t} moved into the range. */
    public long clamp(long t) {
        return Math.max(startNs, Math.min(endNs, t));
    }
}
