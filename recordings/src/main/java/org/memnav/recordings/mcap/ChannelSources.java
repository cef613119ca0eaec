package org.memnav.recordings.mcap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The chunks (and unchunked runs) that may hold messages of one channel, sorted by start time, with the
 * running maximum of their end times so a latest-at search can stop as soon as no earlier chunk could hold a
 * later message. An immutable view: {@link SourceTable} appends to the arrays beyond {@code size} only.
 */
final class ChannelSources {
    static final Comparator<MessageSource> ORDER = Comparator.comparing(MessageSource::startTime, Long::compareUnsigned)
            .thenComparingLong(MessageSource::fileOffset);

    private final MessageSource[] sources;
    private final long[] maxEndUpTo;
    private final int size;

    ChannelSources(MessageSource[] sources, long[] maxEndUpTo, int size) {
        this.sources = sources;
        this.maxEndUpTo = maxEndUpTo;
        this.size = size;
    }

    static ChannelSources of(List<MessageSource> candidates) {
        List<MessageSource> sorted = new ArrayList<>(candidates);
        sorted.sort(ORDER);
        MessageSource[] sources = sorted.toArray(new MessageSource[0]);
        long[] maxEnd = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            maxEnd[i] = i == 0 ? sources[0].endTime() : maxUnsigned(maxEnd[i - 1], sources[i].endTime());
        }
        return new ChannelSources(sources, maxEnd, sources.length);
    }

    static long maxUnsigned(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    int size() {
        return size;
    }

    MessageSource get(int i) {
        return sources[i];
    }

    /** The latest end time among sources 0..i. */
    long maxEndUpTo(int i) {
        return maxEndUpTo[i];
    }

    /** Index of the last source starting at or before {@code t}, or -1. */
    int lastStartingAtOrBefore(long t) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sources[mid].startTime(), t) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
