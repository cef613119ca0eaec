package org.memnav.recordings.mcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Rebuilds the summary of an MCAP file that has none: one cut short by a crash (writer killed, disk full) or
 * written without a summary. The data section is scanned; the file is cut after the last complete record
 * (a half-written chunk cannot be read anyway), the Message Index records of the last chunk are regenerated if
 * the crash cut them off, and Data End, summary, Summary Offsets, Footer and magic are appended. Nothing is
 * destroyed: in place, the bytes cut off are first saved next to the file ({@code F.truncated-tail}).
 * The result is opened again and checked before this returns.
 */
public final class McapRepair {

    /**
     * What a repair did.
     *
     * @param alreadyIntact   the file had a usable summary; nothing was written
     * @param keptBytes       bytes of the original data section kept
     * @param droppedBytes    bytes after the last complete record (a partial chunk), saved to {@code droppedTail}
     * @param droppedTail     where the dropped bytes went (in-place repair), or null
     * @param indexesRebuilt  the last chunk's Message Index records were regenerated
     * @param problem         what the reader found wrong with the file before the repair
     */
    public record Result(Path source, Path output, boolean alreadyIntact, long originalBytes, long keptBytes,
                         long droppedBytes, Path droppedTail, long repairedBytes, long chunks, long messages,
                         int channels, boolean indexesRebuilt, String problem) {
    }

    private McapRepair() {
    }

    /** Repairs {@code file} in place (the cut-off tail is kept in {@code file.truncated-tail}). */
    public static Result repair(Path file) throws IOException {
        return run(file, null, McapReaderOptions.defaults());
    }

    /** Writes a repaired copy of {@code file} to {@code output}; {@code file} is left untouched. */
    public static Result repairTo(Path file, Path output) throws IOException {
        return repairTo(file, output, McapReaderOptions.defaults());
    }

    /** As {@link #repairTo(Path, Path)}, reading with {@code options} (e.g. a lower chunk size limit). */
    public static Result repairTo(Path file, Path output, McapReaderOptions options) throws IOException {
        if (Files.exists(output) && Files.isSameFile(file, output)) {
            return run(file, null, options);
        }
        return run(file, output, options);
    }

    private static Result run(Path file, Path output, McapReaderOptions options) throws IOException {
        long dataStart;
        String problem;
        try (McapReader reader = McapReader.open(file, options)) {
            if (reader.summaryUsed()) {
                return new Result(file, file, true, reader.fileSize(), reader.fileSize(), 0, null, reader.fileSize(),
                        reader.chunkIndexes().size(), reader.statistics().map(McapStatistics::messageCount).orElse(0L),
                        reader.channels().size(), false, null);
            }
            dataStart = reader.dataStart();
            problem = reader.recoveryReason().orElse("the file has no summary section");
        }

        ScanResult scan;
        ChannelRegistry registry = new ChannelRegistry();
        long originalBytes;
        LittleEndianBuffer regenerated = new LittleEndianBuffer(1024);
        List<McapChunkIndex> chunkIndexes;
        long cut;
        try (FileRegionReader in = new FileRegionReader(file)) {
            originalBytes = in.size();
            ChunkDecoder decoder = new ChunkDecoder(in, options.withValidateCrcs(true));
            scan = new DataSectionScanner(in, decoder, registry).scan(dataStart);
            cut = scan.stopOffset();
            chunkIndexes = new ArrayList<>(scan.chunkIndexes());
            if (scan.stopProblem() != null && !chunkIndexes.isEmpty()) {
                McapChunkIndex last = chunkIndexes.get(chunkIndexes.size() - 1);
                long chunkEnd = last.chunkStartOffset() + last.chunkLength();
                // lastChunkChannels is set only when the chunk and its index records end the data section; the
                // scan drops an incomplete set of index records, leaving only (partial) index records after chunkEnd.
                boolean indexesCut = last.messageIndexOffsets().isEmpty() && !scan.lastChunkChannels().isEmpty();
                if (indexesCut) {
                    // The crash cut the chunk's Message Index records: write them again from the chunk itself.
                    byte[] records = decoder.readAndDecode(last.chunkStartOffset());
                    Map<Integer, Long> offsets = messageIndexes(records, file, last.chunkStartOffset(), chunkEnd, regenerated);
                    cut = chunkEnd;
                    chunkIndexes.set(chunkIndexes.size() - 1, new McapChunkIndex(last.messageStartTimeNs(),
                            last.messageEndTimeNs(), last.chunkStartOffset(), last.chunkLength(), offsets, regenerated.size(),
                            last.compression(), last.compressedSize(), last.uncompressedSize()));
                }
            }
        }

        Path target = output == null ? file : output;
        Path tail = null;
        if (output == null) {
            if (cut < originalBytes) {
                tail = file.resolveSibling(file.getFileName() + ".truncated-tail");
                copyRange(file, cut, originalBytes - cut, tail);
            }
        } else {
            Path partial = output.resolveSibling(output.getFileName() + ".partial");
            copyRange(file, 0, cut, partial);
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
        }

        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            out.truncate(cut);
            CRC32 crc = new CRC32();
            ByteBuffer block = ByteBuffer.allocate(1 << 20);
            for (long at = 0; at < cut; ) {
                block.clear().limit((int) Math.min(block.capacity(), cut - at));
                int n = out.read(block, at);
                if (n < 0) {
                    throw new IOException(target + " ended at " + at + " while computing its data-section CRC");
                }
                crc.update(block.array(), 0, n);
                at += n;
            }
            crc.update(regenerated.array(), 0, regenerated.size());
            LittleEndianBuffer end = new LittleEndianBuffer(regenerated.size() + 64);
            end.bytes(regenerated.array(), 0, regenerated.size());
            McapRecordEncoder.dataEnd(end, crc.getValue());
            long summaryStart = cut + end.size();
            LittleEndianBuffer summary = SummarySection.encode(summaryStart, registry.schemas().values(),
                    registry.channels().values(), chunkIndexes, scan.metadataIndexes(), scan.statistics());
            write(out, cut, end);
            write(out, summaryStart, summary);
            out.force(true);
        }

        try (McapReader check = McapReader.open(target, options)) {
            long messages = check.statistics().map(McapStatistics::messageCount).orElse(-1L);
            if (!check.summaryUsed() || messages != scan.statistics().messageCount()) {
                throw new IOException("repair of " + file + " produced a file that does not read back through its summary ("
                        + messages + " messages, expected " + scan.statistics().messageCount() + ")");
            }
            check.verify();
            return new Result(file, target, false, originalBytes, cut, originalBytes - cut, tail, Files.size(target),
                    check.chunkIndexes().size(), messages, check.channels().size(), regenerated.size() > 0, problem);
        }
    }

    /** Appends one Message Index record per channel of the chunk to {@code out}; returns their file offsets. */
    private static Map<Integer, Long> messageIndexes(byte[] records, Path file, long chunkOffset, long writeAt,
                                                     LittleEndianBuffer out) {
        Map<Integer, List<long[]>> byChannel = new TreeMap<>();
        RecordCursor cursor = new RecordCursor(records, 0, records.length, new ByteOrigin.ChunkBytes(file, chunkOffset));
        while (cursor.next()) {
            if (cursor.opcode() == Opcode.MESSAGE) {
                McapRecordParser.MessageHead head = McapRecordParser.messageHead(cursor.content());
                byChannel.computeIfAbsent(head.channelId(), id -> new ArrayList<>())
                        .add(new long[] {head.logTime(), cursor.recordStart()});
            }
        }
        Map<Integer, Long> offsets = new HashMap<>();
        for (Map.Entry<Integer, List<long[]>> e : byChannel.entrySet()) {
            MessageIndexEntries entries = new MessageIndexEntries();
            e.getValue().forEach(pair -> entries.add(pair[0], pair[1]));
            entries.sortByLogTime();
            offsets.put(e.getKey(), writeAt + out.size());
            McapRecordEncoder.messageIndex(out, e.getKey(), entries.pairs(), entries.count());
        }
        return offsets;
    }

    private static void copyRange(Path from, long offset, long length, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < length) {
                long n = in.transferTo(offset + done, length - done, out);
                if (n <= 0) {
                    throw new IOException("could not copy bytes " + (offset + done) + ".." + (offset + length) + " of " + from);
                }
                done += n;
            }
            out.force(true);
        }
    }

    private static void write(FileChannel out, long at, LittleEndianBuffer buffer) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer.array(), 0, buffer.size());
        long position = at;
        while (bytes.hasRemaining()) {
            position += out.write(bytes, position);
        }
    }
}
