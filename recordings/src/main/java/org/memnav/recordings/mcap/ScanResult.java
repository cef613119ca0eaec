package org.memnav.recordings.mcap;

import java.util.List;

/**
 * What a forward scan of the data section found.
 *
 * @param dataEndOffset  offset of the Data End record, or -1 when the scan stopped before one
 * @param stopProblem    why the scan stopped early (truncation), or null when it reached Data End or a Footer
 */
record ScanResult(List<MessageSource> sources, List<McapChunkIndex> chunkIndexes, List<McapMetadataIndex> metadataIndexes,
                  McapStatistics statistics, long dataEndOffset, long dataSectionCrc, String stopProblem) {
}
