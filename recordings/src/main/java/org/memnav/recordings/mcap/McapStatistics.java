package org.memnav.recordings.mcap;

import java.util.Map;

/** The Statistics record: counts and the log-time span of the whole file. */
public record McapStatistics(long messageCount, int schemaCount, long channelCount, long attachmentCount,
                             long metadataCount, long chunkCount, long messageStartTimeNs, long messageEndTimeNs,
                             Map<Integer, Long> channelMessageCounts) {
    public McapStatistics {
        channelMessageCounts = Map.copyOf(channelMessageCounts);
    }
}
