package org.memnav.recordings.mcap;

import java.util.Map;

/**
 * A Chunk Index record: where a chunk lies, its log-time span, and where its per-channel Message Index
 * records are. {@code chunkLength} includes the 9-byte record prefix.
 */
public record McapChunkIndex(long messageStartTimeNs, long messageEndTimeNs, long chunkStartOffset, long chunkLength,
                             Map<Integer, Long> messageIndexOffsets, long messageIndexLength, String compression,
                             long compressedSize, long uncompressedSize) {
    public McapChunkIndex {
        messageIndexOffsets = Map.copyOf(messageIndexOffsets);
    }
}
