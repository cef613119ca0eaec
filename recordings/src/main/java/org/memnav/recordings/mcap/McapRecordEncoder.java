package org.memnav.recordings.mcap;

/**
 * Serializes MCAP records, field by field in spec order, into a {@link LittleEndianBuffer}. Each method
 * returns the record's total length including its 9-byte prefix.
 */
final class McapRecordEncoder {
    private McapRecordEncoder() {
    }

    static int header(LittleEndianBuffer out, McapHeader header) {
        int start = out.beginRecord(Opcode.HEADER);
        out.string(header.profile()).string(header.library());
        return out.endRecord(start);
    }

    static int footer(LittleEndianBuffer out, long summaryStart, long summaryOffsetStart, long summaryCrc) {
        int start = out.beginRecord(Opcode.FOOTER);
        out.u64(summaryStart).u64(summaryOffsetStart).u32(summaryCrc);
        return out.endRecord(start);
    }

    static int schema(LittleEndianBuffer out, McapSchema schema) {
        int start = out.beginRecord(Opcode.SCHEMA);
        out.u16(schema.id()).string(schema.name()).string(schema.encoding()).prefixedBytes(schema.data());
        return out.endRecord(start);
    }

    static int channel(LittleEndianBuffer out, McapChannel channel) {
        int start = out.beginRecord(Opcode.CHANNEL);
        out.u16(channel.id()).u16(channel.schemaId()).string(channel.topic()).string(channel.messageEncoding())
                .stringMap(channel.metadata());
        return out.endRecord(start);
    }

    static int message(LittleEndianBuffer out, int channelId, long sequence, long logTime, long publishTime, byte[] data) {
        int start = out.beginRecord(Opcode.MESSAGE);
        out.u16(channelId).u32(sequence).u64(logTime).u64(publishTime).bytes(data);
        return out.endRecord(start);
    }

    /** Chunk record; {@code records} holds the (possibly compressed) bytes [0, recordsLength). */
    static int chunk(LittleEndianBuffer out, long startTime, long endTime, long uncompressedSize, long uncompressedCrc,
                     String compression, byte[] records, int recordsLength) {
        int start = out.beginRecord(Opcode.CHUNK);
        out.u64(startTime).u64(endTime).u64(uncompressedSize).u32(uncompressedCrc).string(compression)
                .u64(recordsLength).bytes(records, 0, recordsLength);
        return out.endRecord(start);
    }

    /** Message Index record; {@code entries} alternates log time and offset into the uncompressed chunk records. */
    static int messageIndex(LittleEndianBuffer out, int channelId, long[] entries, int entryCount) {
        int start = out.beginRecord(Opcode.MESSAGE_INDEX);
        out.u16(channelId).u32(16L * entryCount);
        for (int i = 0; i < entryCount; i++) {
            out.u64(entries[2 * i]).u64(entries[2 * i + 1]);
        }
        return out.endRecord(start);
    }

    static int chunkIndex(LittleEndianBuffer out, McapChunkIndex index) {
        int start = out.beginRecord(Opcode.CHUNK_INDEX);
        out.u64(index.messageStartTimeNs()).u64(index.messageEndTimeNs()).u64(index.chunkStartOffset())
                .u64(index.chunkLength()).u16ToU64Map(index.messageIndexOffsets()).u64(index.messageIndexLength())
                .string(index.compression()).u64(index.compressedSize()).u64(index.uncompressedSize());
        return out.endRecord(start);
    }

    static int statistics(LittleEndianBuffer out, McapStatistics stats) {
        int start = out.beginRecord(Opcode.STATISTICS);
        out.u64(stats.messageCount()).u16(stats.schemaCount()).u32(stats.channelCount()).u32(stats.attachmentCount())
                .u32(stats.metadataCount()).u32(stats.chunkCount()).u64(stats.messageStartTimeNs())
                .u64(stats.messageEndTimeNs()).u16ToU64Map(stats.channelMessageCounts());
        return out.endRecord(start);
    }

    static int metadata(LittleEndianBuffer out, McapMetadata metadata) {
        int start = out.beginRecord(Opcode.METADATA);
        out.string(metadata.name()).stringMap(metadata.metadata());
        return out.endRecord(start);
    }

    static int metadataIndex(LittleEndianBuffer out, McapMetadataIndex index) {
        int start = out.beginRecord(Opcode.METADATA_INDEX);
        out.u64(index.offset()).u64(index.length()).string(index.name());
        return out.endRecord(start);
    }

    static int summaryOffset(LittleEndianBuffer out, int groupOpcode, long groupStart, long groupLength) {
        int start = out.beginRecord(Opcode.SUMMARY_OFFSET);
        out.u8(groupOpcode).u64(groupStart).u64(groupLength);
        return out.endRecord(start);
    }

    static int dataEnd(LittleEndianBuffer out, long dataSectionCrc) {
        int start = out.beginRecord(Opcode.DATA_END);
        out.u32(dataSectionCrc);
        return out.endRecord(start);
    }
}
