package org.memnav.recordings.mcap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Encodes what follows Data End: the summary (schemas, channels, chunk indexes, metadata indexes, statistics),
 * one Summary Offset per non-empty group, the Footer with the summary CRC, and the closing magic. Shared by
 * {@link McapWriter} (on close) and {@link McapRepair} (rebuilding the summary of a truncated file).
 */
final class SummarySection {
    private SummarySection() {
    }

    /** The bytes to append at {@code summaryStart} (the file offset right after Data End). */
    static LittleEndianBuffer encode(long summaryStart, Collection<McapSchema> schemas, Collection<McapChannel> channels,
                                     List<McapChunkIndex> chunkIndexes, List<McapMetadataIndex> metadataIndexes,
                                     McapStatistics statistics) {
        LittleEndianBuffer summary = new LittleEndianBuffer(64 * 1024);
        List<long[]> groups = new ArrayList<>(); // {opcode, start in summary buffer, length}

        int groupStart = summary.size();
        for (McapSchema schema : schemas) {
            McapRecordEncoder.schema(summary, schema);
        }
        groups.add(new long[] {Opcode.SCHEMA, groupStart, summary.size() - groupStart});

        groupStart = summary.size();
        for (McapChannel channel : channels) {
            McapRecordEncoder.channel(summary, channel);
        }
        groups.add(new long[] {Opcode.CHANNEL, groupStart, summary.size() - groupStart});

        groupStart = summary.size();
        for (McapChunkIndex index : chunkIndexes) {
            McapRecordEncoder.chunkIndex(summary, index);
        }
        groups.add(new long[] {Opcode.CHUNK_INDEX, groupStart, summary.size() - groupStart});

        groupStart = summary.size();
        for (McapMetadataIndex index : metadataIndexes) {
            McapRecordEncoder.metadataIndex(summary, index);
        }
        groups.add(new long[] {Opcode.METADATA_INDEX, groupStart, summary.size() - groupStart});

        groupStart = summary.size();
        McapRecordEncoder.statistics(summary, statistics);
        groups.add(new long[] {Opcode.STATISTICS, groupStart, summary.size() - groupStart});

        long summaryOffsetStart = summaryStart + summary.size();
        for (long[] group : groups) {
            if (group[2] > 0) {
                McapRecordEncoder.summaryOffset(summary, (int) group[0], summaryStart + group[1], group[2]);
            }
        }

        // The footer's CRC covers the summary, the summary offsets and the footer up to the CRC field.
        int footerStart = summary.size();
        McapRecordEncoder.footer(summary, summaryStart, summaryOffsetStart, 0);
        CRC32 summaryCrc = new CRC32();
        summaryCrc.update(summary.array(), 0, summary.size() - 4);
        summary.truncate(footerStart);
        McapRecordEncoder.footer(summary, summaryStart, summaryOffsetStart, summaryCrc.getValue());
        McapMagic.writeTo(summary);
        return summary;
    }
}
