package org.memnav.recordings.mcap;

import java.util.List;
import java.util.Set;

/**
 * What a forward scan of the data section found.
 *
 * @param dataEndOffset     offset of the Data End record, or -1 when the scan stopped before one
 * @param stopProblem       why the scan stopped early (truncation, a damaged chunk), or null when it reached Data End or a Footer
 * @param stopOffset        where the scan stopped: the first byte not part of a complete, usable data-section record
 * @param lastChunkChannels channels with messages in the last chunk when that chunk (and its Message Index records)
 *                          ends the scanned data; empty otherwise. Lets a repair tell a cut-off index group.
 */
record ScanResult(List<MessageSource> sources, List<McapChunkIndex> chunkIndexes, List<McapMetadataIndex> metadataIndexes,
                  McapStatistics statistics, long dataEndOffset, long dataSectionCrc, String stopProblem,
                  long stopOffset, Set<Integer> lastChunkChannels) {
}
