package org.memnav.recordings.mcap;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Time queries on an MCAP file, answered through its chunk indexes: {@link McapReader} for a finished or
 * recovered file, {@link McapLiveView} for one a writer in this process is still writing. Log times are
 * uint64 nanoseconds held in a long and compared unsigned. A topic served by several channels is queried
 * across all of them.
 */
public interface McapQueries {

    Map<Integer, McapSchema> schemas();

    Map<Integer, McapChannel> channels();

    /** The last message on {@code topic} logged at or before {@code timeNs} (ties: the last written). */
    Optional<McapMessage> latestAt(String topic, long timeNs) throws IOException;

    /**
     * The log time of the message {@link #latestAt} would return, from the indexes alone: a player asks this
     * first and fetches the message only when it differs from the one it shows.
     */
    Optional<Long> latestLogTimeAt(String topic, long timeNs) throws IOException;

    /** Messages on {@code topic} logged in [fromNs, toNs], both inclusive, in log-time order. */
    List<McapMessage> range(String topic, long fromNs, long toNs) throws IOException;

    /**
     * Log times of the messages on {@code topic} in [fromNs, toNs], ascending, read from the Message Index
     * records: no chunk is decompressed when the file has them (a timeline's markers, a step list).
     */
    List<Long> logTimes(String topic, long fromNs, long toNs) throws IOException;

    /** Log time of the earliest message, or empty when there is none yet. */
    Optional<Long> startTimeNs();

    /** Log time of the latest message, or empty when there is none yet. */
    Optional<Long> endTimeNs();

    /** The decoded-chunk cache: its fixed budget, what it holds, hits and misses. */
    CacheStats cacheStats();
}
