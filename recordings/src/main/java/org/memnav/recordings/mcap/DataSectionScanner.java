package org.memnav.recordings.mcap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the data section record by record from the start, as needed for files without a usable summary:
 * unindexed files, and files cut short by a crash. Every complete chunk is decoded (CRC-checked) to learn
 * its schemas, channels and message counts; the scan stops quietly at a record that runs past the end of
 * the file, reporting that as {@link ScanResult#stopProblem()}.
 */
final class DataSectionScanner {
    /** Unchunked messages are grouped into runs of about this many bytes so each run loads like a chunk. */
    private static final long MAX_RUN_BYTES = 4L * 1024 * 1024;
    private static final int WINDOW_BYTES = 64 * 1024;

    private final FileRegionReader file;
    private final ChunkDecoder chunks;
    private final ChannelRegistry registry;

    private final List<MessageSource> sources = new ArrayList<>();
    private final List<McapChunkIndex> chunkIndexes = new ArrayList<>();
    private final List<McapMetadataIndex> metadataIndexes = new ArrayList<>();
    private final Map<Integer, Long> channelCounts = new TreeMap<>();
    private final Set<Integer> schemaIds = new HashSet<>();
    private final Set<Integer> channelIds = new HashSet<>();
    private long messageCount;
    private long startTime;
    private long endTime;
    private long attachmentCount;

    private PendingChunk lastChunk;
    private PendingRun run;

    private byte[] window = new byte[0];
    private long windowStart;

    DataSectionScanner(FileRegionReader file, ChunkDecoder chunks, ChannelRegistry registry) {
        this.file = file;
        this.chunks = chunks;
        this.registry = registry;
    }

    ScanResult scan(long dataStart) throws IOException {
        long size = file.size();
        long pos = dataStart;
        long dataEndOffset = -1;
        long dataSectionCrc = 0;
        String stopProblem = null;
        while (true) {
            if (pos == size) {
                stopProblem = "the file ends at offset " + pos + " without a Data End record";
                break;
            }
            if (size - pos < Opcode.RECORD_PREFIX_BYTES) {
                stopProblem = "the file ends inside the record prefix at offset " + pos;
                break;
            }
            byte[] prefixBytes = windowed(pos, Opcode.RECORD_PREFIX_BYTES);
            LittleEndianReader prefix = new LittleEndianReader(prefixBytes, new ByteOrigin.FileBytes(file.file(), pos));
            int opcode = prefix.u8();
            long length = prefix.u64();
            long available = size - pos - Opcode.RECORD_PREFIX_BYTES;
            if (length < 0 || length > available) {
                stopProblem = Opcode.name(opcode) + " record at offset " + pos + " needs "
                        + Long.toUnsignedString(length) + " bytes but the file has only " + available + " left";
                break;
            }
            long contentStart = pos + Opcode.RECORD_PREFIX_BYTES;
            if (opcode == Opcode.DATA_END) {
                dataEndOffset = pos;
                dataSectionCrc = length >= 4 ? reader(contentStart, 4).u32() : 0;
                break;
            }
            if (opcode == Opcode.FOOTER) {
                break; // a file without Data End (allowed by older writers): the data section is over
            }
            if (opcode == Opcode.HEADER) {
                throw new McapFormatException(file.file(), pos, "a second Header record inside the data section");
            }
            if (opcode == Opcode.CHUNK) {
                try {
                    handle(opcode, pos, length, contentStart);
                } catch (McapUnsupportedException e) {
                    throw e; // not damage: this reader cannot decode the file at all
                } catch (McapFormatException e) {
                    // A damaged chunk ends the recovery; everything before it stays readable.
                    stopProblem = "the chunk at offset " + pos + " is damaged: " + e.problem();
                    break;
                }
            } else {
                handle(opcode, pos, length, contentStart);
            }
            pos = contentStart + length;
        }
        long stopOffset = pos;
        Set<Integer> lastChunkChannels = lastChunk == null ? Set.of() : Set.copyOf(lastChunk.channels);
        closeChunk();
        closeRun();
        McapStatistics stats = new McapStatistics(messageCount, schemaIds.size(), channelIds.size(), attachmentCount,
                metadataIndexes.size(), chunkIndexes.size(), messageCount == 0 ? 0 : startTime,
                messageCount == 0 ? 0 : endTime, channelCounts);
        return new ScanResult(List.copyOf(sources), List.copyOf(chunkIndexes), List.copyOf(metadataIndexes), stats,
                dataEndOffset, dataSectionCrc, stopProblem, stopOffset, lastChunkChannels);
    }

    private void handle(int opcode, long pos, long length, long contentStart) throws IOException {
        switch (opcode) {
            case Opcode.CHUNK -> {
                closeChunk();
                closeRun();
                scanChunk(pos, length);
            }
            case Opcode.MESSAGE_INDEX -> {
                if (lastChunk != null && length >= 2) {
                    LittleEndianReader in = reader(contentStart, length);
                    int channelId = in.u16();
                    if (!lastChunk.matchesIndex(channelId, in)) {
                        lastChunk.indexDamaged = true;
                    }
                    lastChunk.indexOffsets.put(channelId, pos);
                    lastChunk.indexLength += Opcode.RECORD_PREFIX_BYTES + length;
                }
            }
            case Opcode.MESSAGE -> {
                closeChunk();
                McapRecordParser.MessageHead head = McapRecordParser.messageHead(reader(contentStart, Math.min(length, 22)));
                if (registry.channel(head.channelId()) == null) {
                    throw new McapFormatException(file.file(), pos, "message on channel " + head.channelId()
                            + " which no earlier Channel record defines");
                }
                countMessage(head.channelId(), head.logTime());
                addToRun(pos, Opcode.RECORD_PREFIX_BYTES + length, head.logTime());
            }
            case Opcode.SCHEMA -> {
                McapSchema schema = McapRecordParser.schema(reader(contentStart, length));
                registry.add(schema);
                schemaIds.add(schema.id());
            }
            case Opcode.CHANNEL -> {
                McapChannel channel = McapRecordParser.channel(reader(contentStart, length));
                registry.add(channel);
                channelIds.add(channel.id());
            }
            case Opcode.METADATA -> {
                closeChunk();
                String name = reader(contentStart, Math.min(length, 4 + 64 * 1024)).string("metadata name");
                metadataIndexes.add(new McapMetadataIndex(pos, Opcode.RECORD_PREFIX_BYTES + length, name));
            }
            case Opcode.ATTACHMENT -> {
                closeChunk();
                closeRun();
                attachmentCount++;
            }
            default -> closeChunk(); // unknown or summary-only records: skipped, as the spec asks
        }
    }

    private void scanChunk(long pos, long length) throws IOException {
        byte[] content = file.read(pos + Opcode.RECORD_PREFIX_BYTES, length, "chunk record");
        LittleEndianReader headerReader = new LittleEndianReader(content,
                new ByteOrigin.FileBytes(file.file(), pos + Opcode.RECORD_PREFIX_BYTES));
        ChunkHeader header = McapRecordParser.chunkHeader(headerReader);
        byte[] records = chunks.decode(pos, content);
        ByteOrigin origin = new ByteOrigin.ChunkBytes(file.file(), pos);
        RecordCursor cursor = new RecordCursor(records, 0, records.length, origin);
        long chunkMessages = 0;
        long chunkStart = 0;
        long chunkEnd = 0;
        Set<Integer> channels = new HashSet<>();
        List<long[]> counted = new ArrayList<>(); // {channel id, log time}, counted once the whole chunk parsed
        Map<Integer, Set<List<Long>>> entries = new HashMap<>(); // what each channel's Message Index must list
        while (cursor.next()) {
            switch (cursor.opcode()) {
                case Opcode.SCHEMA -> {
                    McapSchema schema = McapRecordParser.schema(cursor.content());
                    registry.add(schema);
                    schemaIds.add(schema.id());
                }
                case Opcode.CHANNEL -> {
                    McapChannel channel = McapRecordParser.channel(cursor.content());
                    registry.add(channel);
                    channelIds.add(channel.id());
                }
                case Opcode.MESSAGE -> {
                    McapRecordParser.MessageHead head = McapRecordParser.messageHead(cursor.content());
                    if (registry.channel(head.channelId()) == null) {
                        throw origin.problem(cursor.recordStart(), "message on channel " + head.channelId()
                                + " which no earlier Channel record defines");
                    }
                    counted.add(new long[] {head.channelId(), head.logTime()});
                    entries.computeIfAbsent(head.channelId(), c -> new HashSet<>())
                            .add(List.of(head.logTime(), (long) cursor.recordStart()));
                    channels.add(head.channelId());
                    if (chunkMessages == 0 || Long.compareUnsigned(head.logTime(), chunkStart) < 0) {
                        chunkStart = head.logTime();
                    }
                    if (chunkMessages == 0 || Long.compareUnsigned(head.logTime(), chunkEnd) > 0) {
                        chunkEnd = head.logTime();
                    }
                    chunkMessages++;
                }
                default -> {
                }
            }
        }
        for (long[] m : counted) {
            countMessage((int) m[0], m[1]);
        }
        // The span comes from the messages themselves, so merging stays right even if the header's span is off.
        lastChunk = new PendingChunk(pos, Opcode.RECORD_PREFIX_BYTES + length, header, chunkStart, chunkEnd, channels,
                entries);
    }

    private void countMessage(int channelId, long logTime) {
        if (messageCount == 0 || Long.compareUnsigned(logTime, startTime) < 0) {
            startTime = logTime;
        }
        if (messageCount == 0 || Long.compareUnsigned(logTime, endTime) > 0) {
            endTime = logTime;
        }
        messageCount++;
        channelCounts.merge(channelId, 1L, Long::sum);
    }

    private void addToRun(long pos, long recordLength, long logTime) {
        if (run != null && (run.end != pos || run.end - run.start + recordLength > MAX_RUN_BYTES)) {
            closeRun();
        }
        if (run == null) {
            run = new PendingRun(pos, logTime);
        }
        run.end = pos + recordLength;
        if (Long.compareUnsigned(logTime, run.startTime) < 0) {
            run.startTime = logTime;
        }
        if (Long.compareUnsigned(logTime, run.endTime) > 0) {
            run.endTime = logTime;
        }
    }

    private void closeRun() {
        if (run != null) {
            sources.add(new MessageSource.LooseMessageRun(run.start, run.end - run.start, run.startTime, run.endTime));
            run = null;
        }
    }

    /** Turns the last chunk and the Message Index records seen after it into a reconstructed Chunk Index. */
    private void closeChunk() {
        if (lastChunk == null) {
            return;
        }
        ChunkHeader h = lastChunk.header;
        // Message indexes found after the chunk are trusted only if there is one for each of its channels and
        // each lists exactly the chunk's messages; otherwise readers index the chunk by decoding it, so a lost
        // or damaged index record cannot hide a message from range and latest-at queries.
        boolean complete = !lastChunk.indexDamaged && lastChunk.indexOffsets.keySet().equals(lastChunk.channels);
        McapChunkIndex index = new McapChunkIndex(lastChunk.startTime, lastChunk.endTime, lastChunk.offset,
                lastChunk.length, complete ? lastChunk.indexOffsets : Map.of(), complete ? lastChunk.indexLength : 0,
                h.compression(), h.recordsLength(), h.uncompressedSize());
        chunkIndexes.add(index);
        sources.add(new MessageSource.ChunkSource(index));
        lastChunk = null;
    }

    private LittleEndianReader reader(long offset, long length) throws IOException {
        byte[] bytes = length <= WINDOW_BYTES ? windowed(offset, (int) length) : file.read(offset, length, "record");
        return new LittleEndianReader(bytes, new ByteOrigin.FileBytes(file.file(), offset));
    }

    /** Small reads go through a 64 KiB window so scanning many small records needs few system calls. */
    private byte[] windowed(long offset, int length) throws IOException {
        if (offset < windowStart || offset + length > windowStart + window.length) {
            window = file.readAvailable(offset, Math.max(length, WINDOW_BYTES));
            windowStart = offset;
            if (window.length < length) {
                throw new McapFormatException(file.file(), offset, "record needs " + length + " bytes past the end of the file");
            }
        }
        byte[] out = new byte[length];
        System.arraycopy(window, (int) (offset - windowStart), out, 0, length);
        return out;
    }

    private static final class PendingChunk {
        final long offset;
        final long length;
        final ChunkHeader header;
        final long startTime;
        final long endTime;
        final Set<Integer> channels;
        final Map<Integer, Set<List<Long>>> entries;
        final Map<Integer, Long> indexOffsets = new LinkedHashMap<>();
        long indexLength;
        boolean indexDamaged;

        PendingChunk(long offset, long length, ChunkHeader header, long startTime, long endTime, Set<Integer> channels,
                Map<Integer, Set<List<Long>>> entries) {
            this.channels = channels;
            this.entries = entries;
            this.offset = offset;
            this.length = length;
            this.header = header;
            this.startTime = startTime;
            this.endTime = endTime;
        }

        /** True when the Message Index content after the channel id lists exactly this chunk's messages on it. */
        boolean matchesIndex(int channelId, LittleEndianReader in) {
            Set<List<Long>> expected = entries.getOrDefault(channelId, Set.of());
            if (indexOffsets.containsKey(channelId) || in.remaining() < 4) {
                return false;
            }
            long bytes = in.u32();
            if (bytes % 16 != 0 || bytes > in.remaining() || bytes / 16 != expected.size()) {
                return false;
            }
            Set<List<Long>> listed = new HashSet<>();
            for (long i = 0; i < bytes / 16; i++) {
                listed.add(List.of(in.u64(), in.u64()));
            }
            return listed.equals(expected);
        }
    }

    private static final class PendingRun {
        final long start;
        long end;
        long startTime;
        long endTime;

        PendingRun(long start, long logTime) {
            this.start = start;
            this.end = start;
            this.startTime = logTime;
            this.endTime = logTime;
        }
    }
}
