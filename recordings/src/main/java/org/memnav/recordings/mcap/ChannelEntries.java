package org.memnav.recordings.mcap;

import java.util.Arrays;

/**
 * Where one channel's messages lie inside one chunk (or unchunked message run): log times and record offsets
 * into the source's uncompressed records, sorted by log time (unsigned) and then offset.
 */
final class ChannelEntries {
    static final ChannelEntries NONE = new ChannelEntries(new long[0], new int[0]);

    private final long[] times;
    private final int[] offsets;

    private ChannelEntries(long[] times, int[] offsets) {
        this.times = times;
        this.offsets = offsets;
    }

    /** Entries from parallel arrays (taken over, sorted here if they are not already). */
    static ChannelEntries of(long[] times, int[] offsets, int count) {
        long[] t = Arrays.copyOf(times, count);
        int[] o = Arrays.copyOf(offsets, count);
        boolean sorted = true;
        for (int i = 1; i < count && sorted; i++) {
            sorted = compare(t[i - 1], o[i - 1], t[i], o[i]) <= 0;
        }
        if (!sorted) {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> compare(times[a], offsets[a], times[b], offsets[b]));
            for (int i = 0; i < count; i++) {
                t[i] = times[order[i]];
                o[i] = offsets[order[i]];
            }
        }
        return new ChannelEntries(t, o);
    }

    private static int compare(long timeA, int offsetA, long timeB, int offsetB) {
        int c = Long.compareUnsigned(timeA, timeB);
        return c != 0 ? c : Integer.compare(offsetA, offsetB);
    }

    int size() {
        return times.length;
    }

    long time(int i) {
        return times[i];
    }

    int offset(int i) {
        return offsets[i];
    }

    /** Index of the last entry logged at or before {@code t}, or -1. */
    int lastAtOrBefore(long t) {
        int lo = 0;
        int hi = times.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(times[mid], t) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Index of the first entry logged at or after {@code t}, or size() if none. */
    int firstAtOrAfter(long t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(times[mid], t) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Approximate heap size, for the cache's byte budget. */
    long bytes() {
        return 48L + 12L * times.length;
    }
}
