package org.memnav.recordings.mcap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Opens a file: checks the magic and Header, then reads the summary through the Footer when the file
 * ends with one, or falls back to a forward scan of the data section when it does not (a truncated or
 * still-being-written file), or when the summary has no chunk indexes to find messages with.
 */
final class McapLayoutLoader {
    /** Footer record: prefix + summary start + summary offset start + CRC. */
    private static final int FOOTER_RECORD_BYTES = Opcode.RECORD_PREFIX_BYTES + 8 + 8 + 4;
    private static final int DATA_END_RECORD_BYTES = Opcode.RECORD_PREFIX_BYTES + 4;

    private final FileRegionReader file;
    private final McapReaderOptions options;
    private final ChunkDecoder chunks;
    private final ChannelRegistry registry;
    private final Path path;

    McapLayoutLoader(FileRegionReader file, McapReaderOptions options, ChunkDecoder chunks, ChannelRegistry registry) {
        this.file = file;
        this.options = options;
        this.chunks = chunks;
        this.registry = registry;
        this.path = file.file();
    }

    McapLayout load() throws IOException {
        long size = file.size();
        if (size == 0) {
            throw new McapFormatException(path, 0, "the file is empty; an MCAP file starts with the 8-byte magic");
        }
        byte[] magic = file.readAvailable(0, McapMagic.LENGTH);
        if (!McapMagic.matches(magic, 0)) {
            String why = McapMagic.describeMismatch(magic, 0);
            throw new McapFormatException(path, 0, size < McapMagic.LENGTH
                    ? "the file is only " + size + " bytes, too short for the MCAP magic; " + why : why);
        }
        long headerOffset = McapMagic.LENGTH;
        if (size - headerOffset < Opcode.RECORD_PREFIX_BYTES) {
            throw new McapFormatException(path, headerOffset, "the file ends inside the Header record (truncated)");
        }
        LittleEndianReader prefix = new LittleEndianReader(file.read(headerOffset, Opcode.RECORD_PREFIX_BYTES, "Header prefix"),
                new ByteOrigin.FileBytes(path, headerOffset));
        int opcode = prefix.u8();
        if (opcode != Opcode.HEADER) {
            throw new McapFormatException(path, headerOffset, "expected a Header record (opcode 0x01) after the magic, found "
                    + Opcode.name(opcode));
        }
        long headerLength = prefix.u64();
        long available = size - headerOffset - Opcode.RECORD_PREFIX_BYTES;
        if (headerLength < 0 || headerLength > available) {
            throw new McapFormatException(path, headerOffset, "Header record claims " + Long.toUnsignedString(headerLength)
                    + " bytes but the file has only " + available + " left (truncated or corrupt)");
        }
        long headerContent = headerOffset + Opcode.RECORD_PREFIX_BYTES;
        McapHeader header = McapRecordParser.header(new LittleEndianReader(file.read(headerContent, headerLength, "Header"),
                new ByteOrigin.FileBytes(path, headerContent)));
        long dataStart = headerContent + headerLength;

        McapRecordParser.Footer footer = readFooter(dataStart);
        if (footer == null) {
            return scanned(header, dataStart, "the file does not end with a Footer and the closing magic (it was "
                    + "truncated, or its writer did not finish); messages were recovered by scanning the data section");
        }
        if (footer.summaryStart() == 0) {
            return scanned(header, dataStart, null);
        }
        try {
            return fromSummary(header, dataStart, footer);
        } catch (McapFormatException damagedSummary) {
            // The data section may be intact: recover it rather than lose the whole file to a bad summary.
            registry.clear();
            return scanned(header, dataStart, "the summary section is damaged (" + damagedSummary.problem()
                    + " at offset " + damagedSummary.offset() + "); messages were recovered by scanning the data section");
        }
    }

    /** The Footer, or null when the file does not end with Footer + magic. */
    private McapRecordParser.Footer readFooter(long dataStart) throws IOException {
        long size = file.size();
        long footerOffset = size - McapMagic.LENGTH - FOOTER_RECORD_BYTES;
        if (footerOffset < dataStart) {
            return null;
        }
        byte[] tail = file.read(footerOffset, FOOTER_RECORD_BYTES + McapMagic.LENGTH, "Footer");
        if (!McapMagic.matches(tail, FOOTER_RECORD_BYTES)) {
            return null;
        }
        LittleEndianReader in = new LittleEndianReader(tail, 0, FOOTER_RECORD_BYTES, new ByteOrigin.FileBytes(path, footerOffset));
        int opcode = in.u8();
        long length = in.u64();
        if (opcode != Opcode.FOOTER || length != FOOTER_RECORD_BYTES - Opcode.RECORD_PREFIX_BYTES) {
            throw new McapFormatException(path, footerOffset, "the file ends with the MCAP magic but the record before it is "
                    + Opcode.name(opcode) + " of length " + Long.toUnsignedString(length) + ", not a Footer");
        }
        return McapRecordParser.footer(in);
    }

    private McapLayout fromSummary(McapHeader header, long dataStart, McapRecordParser.Footer footer) throws IOException {
        long footerOffset = file.size() - McapMagic.LENGTH - FOOTER_RECORD_BYTES;
        long summaryStart = footer.summaryStart();
        if (summaryStart < dataStart + DATA_END_RECORD_BYTES || summaryStart > footerOffset) {
            throw new McapFormatException(path, footerOffset, "Footer's summary start " + summaryStart
                    + " lies outside the file's summary area [" + (dataStart + DATA_END_RECORD_BYTES) + ", " + footerOffset + "]");
        }
        long dataEndOffset = summaryStart - DATA_END_RECORD_BYTES;
        LittleEndianReader dataEnd = new LittleEndianReader(file.read(dataEndOffset, DATA_END_RECORD_BYTES, "Data End"),
                new ByteOrigin.FileBytes(path, dataEndOffset));
        int opcode = dataEnd.u8();
        if (opcode != Opcode.DATA_END || dataEnd.u64() != 4) {
            throw new McapFormatException(path, dataEndOffset, "expected the Data End record just before the summary, found "
                    + Opcode.name(opcode));
        }
        long dataSectionCrc = McapRecordParser.dataEnd(dataEnd);

        byte[] summary = file.read(summaryStart, footerOffset - summaryStart, "summary section");
        if (options.validateCrcs() && footer.summaryCrc() != 0) {
            byte[] footerPrefix = file.read(footerOffset, FOOTER_RECORD_BYTES - 4, "Footer");
            CRC32 crc = new CRC32();
            crc.update(summary);
            crc.update(footerPrefix);
            if (crc.getValue() != footer.summaryCrc()) {
                throw new McapFormatException(path, summaryStart, String.format(
                        "summary CRC mismatch: the Footer stores 0x%08X but the summary gives 0x%08X (the summary is corrupt)",
                        footer.summaryCrc(), crc.getValue()));
            }
        }

        List<McapChunkIndex> chunkIndexes = new ArrayList<>();
        List<McapMetadataIndex> metadataIndexes = new ArrayList<>();
        McapStatistics statistics = null;
        ByteOrigin origin = new ByteOrigin.FileBytes(path, summaryStart);
        RecordCursor cursor = new RecordCursor(summary, 0, summary.length, origin);
        while (cursor.next()) {
            switch (cursor.opcode()) {
                case Opcode.SCHEMA -> registry.add(McapRecordParser.schema(cursor.content()));
                case Opcode.CHANNEL -> registry.add(McapRecordParser.channel(cursor.content()));
                case Opcode.CHUNK_INDEX -> {
                    McapChunkIndex index = McapRecordParser.chunkIndex(cursor.content());
                    if (index.chunkStartOffset() < dataStart || index.chunkLength() > dataEndOffset - index.chunkStartOffset()) {
                        throw origin.problem(cursor.recordStart(), "chunk index points at [" + index.chunkStartOffset()
                                + ", +" + index.chunkLength() + ") outside the data section");
                    }
                    chunkIndexes.add(index);
                }
                case Opcode.METADATA_INDEX -> metadataIndexes.add(McapRecordParser.metadataIndex(cursor.content()));
                case Opcode.STATISTICS -> {
                    if (statistics != null) {
                        throw origin.problem(cursor.recordStart(), "a second Statistics record");
                    }
                    statistics = McapRecordParser.statistics(cursor.content());
                }
                case Opcode.HEADER, Opcode.FOOTER, Opcode.MESSAGE, Opcode.CHUNK, Opcode.MESSAGE_INDEX, Opcode.ATTACHMENT,
                     Opcode.METADATA, Opcode.DATA_END -> throw origin.problem(cursor.recordStart(),
                        Opcode.name(cursor.opcode()) + " record is not allowed in the summary section");
                default -> {
                    // Attachment Index, Summary Offset and unknown records: nothing to keep.
                }
            }
        }

        if (chunkIndexes.isEmpty() && (statistics == null || statistics.messageCount() > 0)) {
            // Unchunked (or chunk-index-less) file: messages can only be found by reading the data section.
            ScanResult scan = new DataSectionScanner(file, chunks, registry).scan(dataStart);
            return new McapLayout(header, dataStart, statistics != null ? statistics : scan.statistics(),
                    scan.chunkIndexes(), metadataIndexes.isEmpty() ? scan.metadataIndexes() : metadataIndexes,
                    scan.sources(), dataEndOffset, dataSectionCrc, true, null);
        }
        List<MessageSource> sources = new ArrayList<>();
        for (McapChunkIndex index : chunkIndexes) {
            sources.add(new MessageSource.ChunkSource(index));
        }
        return new McapLayout(header, dataStart, statistics, List.copyOf(chunkIndexes), List.copyOf(metadataIndexes),
                List.copyOf(sources), dataEndOffset, dataSectionCrc, true, null);
    }

    private McapLayout scanned(McapHeader header, long dataStart, String recoveryReason) throws IOException {
        ScanResult scan = new DataSectionScanner(file, chunks, registry).scan(dataStart);
        String reason = recoveryReason;
        if (reason != null && scan.stopProblem() != null) {
            reason = reason + " (" + scan.stopProblem() + ")";
        }
        return new McapLayout(header, dataStart, scan.statistics(), scan.chunkIndexes(), scan.metadataIndexes(),
                scan.sources(), scan.dataEndOffset(), scan.dataSectionCrc(), false, reason);
    }
}
