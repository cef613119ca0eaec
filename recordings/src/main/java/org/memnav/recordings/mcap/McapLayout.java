package org.memnav.recordings.mcap;

import java.util.List;

/**
 * Everything {@link McapReader} learns when opening a file.
 *
 * @param statistics      the file's Statistics record, or one computed by the scan; null if neither exists
 * @param dataEndOffset   offset of the Data End record, -1 if the file has none (truncated)
 * @param summaryUsed     whether the summary section was read (false: forward scan)
 * @param recoveryReason  why the file had to be recovered by scanning, or null for an intact file
 */
record McapLayout(McapHeader header, long dataStart, McapStatistics statistics, List<McapChunkIndex> chunkIndexes,
                  List<McapMetadataIndex> metadataIndexes, List<MessageSource> sources, long dataEndOffset,
                  long dataSectionCrc, boolean summaryUsed, String recoveryReason) {
}
