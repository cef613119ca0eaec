package org.memnav.recordings.mcap;

import java.util.Collection;
import java.util.Set;

/**
 * Which messages {@link McapReader#messages(MessageFilter)} returns: those on {@code topics} (empty = all
 * topics) whose log time lies in [startTimeNs, endTimeNs], both inclusive and compared as unsigned.
 */
public record MessageFilter(Set<String> topics, long startTimeNs, long endTimeNs) {
    /** The largest uint64 timestamp. */
    public static final long MAX_TIME = -1L;

    public MessageFilter {
        topics = Set.copyOf(topics);
        if (Long.compareUnsigned(startTimeNs, endTimeNs) > 0) {
            throw new IllegalArgumentException("start time " + Long.toUnsignedString(startTimeNs) + " is after end time "
                    + Long.toUnsignedString(endTimeNs));
        }
    }

    public static MessageFilter all() {
        return new MessageFilter(Set.of(), 0, MAX_TIME);
    }

    public static MessageFilter topics(Collection<String> topics) {
        return new MessageFilter(Set.copyOf(topics), 0, MAX_TIME);
    }

    public MessageFilter withTimeRange(long startNs, long endNs) {
        return new MessageFilter(topics, startNs, endNs);
    }

    boolean acceptsTopic(String topic) {
        return topics.isEmpty() || topics.contains(topic);
    }

    boolean acceptsTime(long logTime) {
        return Long.compareUnsigned(logTime, startTimeNs) >= 0 && Long.compareUnsigned(logTime, endTimeNs) <= 0;
    }

    boolean overlaps(long sourceStart, long sourceEnd) {
        return Long.compareUnsigned(sourceStart, endTimeNs) <= 0 && Long.compareUnsigned(sourceEnd, startTimeNs) >= 0;
    }
}
