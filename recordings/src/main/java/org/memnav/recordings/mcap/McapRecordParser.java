package org.memnav.recordings.mcap;

/**
 * Parses the content of MCAP records (what follows the 9-byte prefix). Each method reads from a reader
 * bounded to exactly the record content; fields added by later spec versions at the end are ignored.
 */
final class McapRecordParser {
    private McapRecordParser() {
    }

    static McapHeader header(LittleEndianReader in) {
        return new McapHeader(in.string("header profile"), in.string("header library"));
    }

    static McapSchema schema(LittleEndianReader in) {
        int id = in.u16();
        String name = in.string("schema name");
        String encoding = in.string("schema encoding");
        return new McapSchema(id, name, encoding, in.prefixedBytes("schema data"));
    }

    static McapChannel channel(LittleEndianReader in) {
        int id = in.u16();
        int schemaId = in.u16();
        String topic = in.string("channel topic");
        String encoding = in.string("channel message encoding");
        return new McapChannel(id, schemaId, topic, encoding, in.stringMap("channel metadata"));
    }

    /** The fixed message fields; the data is everything left in the record. */
    record MessageHead(int channelId, long sequence, long logTime, long publishTime) {
    }

    static MessageHead messageHead(LittleEndianReader in) {
        return new MessageHead(in.u16(), in.u32(), in.u64(), in.u64());
    }

    static ChunkHeader chunkHeader(LittleEndianReader in) {
        long start = in.u64();
        long end = in.u64();
        long uncompressedSize = in.u64Length("chunk uncompressed size");
        long crc = in.u32();
        String compression = in.string("chunk compression");
        long recordsLength = in.u64Length("chunk records length");
        if (recordsLength > in.remaining()) {
            throw in.problem("chunk records claim " + recordsLength + " bytes but the record has only "
                    + in.remaining() + " left");
        }
        return new ChunkHeader(start, end, uncompressedSize, crc, compression, in.position(), (int) recordsLength);
    }

    static McapChunkIndex chunkIndex(LittleEndianReader in) {
        long start = in.u64();
        long end = in.u64();
        long chunkOffset = in.u64Length("chunk start offset");
        long chunkLength = in.u64Length("chunk length");
        var offsets = in.u16ToU64Map("message index offsets");
        long indexLength = in.u64Length("message index length");
        String compression = in.string("chunk index compression");
        long compressed = in.u64Length("compressed size");
        long uncompressed = in.u64Length("uncompressed size");
        return new McapChunkIndex(start, end, chunkOffset, chunkLength, offsets, indexLength, compression, compressed,
                uncompressed);
    }

    static McapStatistics statistics(LittleEndianReader in) {
        long messages = in.u64();
        int schemas = in.u16();
        long channels = in.u32();
        long attachments = in.u32();
        long metadata = in.u32();
        long chunks = in.u32();
        long start = in.u64();
        long end = in.u64();
        return new McapStatistics(messages, schemas, channels, attachments, metadata, chunks, start, end,
                in.u16ToU64Map("channel message counts"));
    }

    static McapMetadata metadata(LittleEndianReader in) {
        String name = in.string("metadata name");
        return new McapMetadata(name, in.stringMap("metadata"));
    }

    static McapMetadataIndex metadataIndex(LittleEndianReader in) {
        long offset = in.u64Length("metadata offset");
        long length = in.u64Length("metadata length");
        return new McapMetadataIndex(offset, length, in.string("metadata index name"));
    }

    static long dataEnd(LittleEndianReader in) {
        return in.u32();
    }

    /** Footer fields: summary start, summary offset start, summary CRC. */
    record Footer(long summaryStart, long summaryOffsetStart, long summaryCrc) {
    }

    static Footer footer(LittleEndianReader in) {
        return new Footer(in.u64Length("summary start"), in.u64Length("summary offset start"), in.u32());
    }
}
