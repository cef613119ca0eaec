package org.memnav.recordings.mcap;

import com.github.luben.zstd.Zstd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Writes a chunked, indexed MCAP file: Header, chunks each followed by their Message Index records,
 * Data End with the data-section CRC, then a summary (schemas, channels, chunk indexes, metadata indexes,
 * statistics), Summary Offset records and the Footer with the summary CRC.
 *
 * <p>Crash safety: nothing is buffered in the JVM except the chunk being filled. Each completed chunk
 * (and its message indexes) goes to the OS in one write as soon as it is full, and {@link #flush()}
 * closes the current partial chunk early, so a killed process leaves every completed chunk readable by
 * {@link McapReader}'s forward scan. With {@link McapWriterOptions#syncEachChunk()} chunks are also fsynced.
 *
 * <p>Chunks close at about {@link McapWriterOptions#chunkSizeBytes()} of records; a message of at least
 * {@link McapWriterOptions#ownChunkFromBytes()} (a frame, a depth image, a token tensor) gets a chunk of its own,
 * so a seek to it decompresses that message alone instead of the ~1 MiB of other messages around it.
 *
 * <p>Schema and Channel records are written into the first chunk that carries a message of theirs, as the
 * official writers do, and repeated in the summary. Methods are synchronized, so threads may share a writer.
 */
public final class McapWriter implements AutoCloseable {
    private static final int MAX_ID = 0xFFFF;

    private final Path file;
    private final FileChannel out;
    private final McapWriterOptions options;
    private final CRC32 dataSectionCrc = new CRC32();
    private final LittleEndianBuffer scratch = new LittleEndianBuffer(64 * 1024);
    private final ChunkBuilder chunk;
    private byte[] compressed = new byte[0];

    private final Map<Integer, McapSchema> schemas = new LinkedHashMap<>();
    private final Map<Integer, McapChannel> channels = new LinkedHashMap<>();
    private final Set<Integer> schemasInData = new HashSet<>();
    private final Set<Integer> channelsInData = new HashSet<>();
    private final List<McapChunkIndex> chunkIndexes = new ArrayList<>();
    private final List<McapMetadataIndex> metadataIndexes = new ArrayList<>();
    private final Map<Integer, Long> channelMessageCounts = new TreeMap<>();

    /** Live views of this file (see {@link #openLiveView}); told about every schema, channel, message and chunk. */
    private final List<McapLiveView> views = new ArrayList<>();

    private long position;
    private long messageCount;
    private long messageStartTime;
    private long messageEndTime;
    private boolean closed;

    private McapWriter(Path file, FileChannel out, McapWriterOptions options) {
        this.file = file;
        this.out = out;
        this.options = options;
        this.chunk = new ChunkBuilder(Math.min(options.chunkSizeBytes(), 64 * 1024 * 1024) + 1024);
    }

    /** Creates (or truncates) {@code file} and writes the magic and Header. */
    public static McapWriter open(Path file, McapWriterOptions options) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        McapWriter writer = new McapWriter(file, channel, options);
        try {
            writer.writeStart();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return writer;
    }

    public static McapWriter open(Path file) throws IOException {
        return open(file, McapWriterOptions.defaults());
    }

    public Path file() {
        return file;
    }

    /** Registers a schema and returns its id (1, 2, ...); its record goes into the file with its first message. */
    public synchronized int addSchema(String name, String encoding, byte[] data) {
        ensureOpen();
        int id = schemas.size() + 1;
        if (id > MAX_ID) {
            throw new IllegalStateException("an MCAP file holds at most " + MAX_ID + " schemas");
        }
        McapSchema schema = new McapSchema(id, name, encoding, data);
        schemas.put(id, schema);
        views.forEach(v -> v.schemaAdded(schema));
        return id;
    }

    /** Registers a channel and returns its id (1, 2, ...); {@code schemaId} 0 means no schema. */
    public synchronized int addChannel(int schemaId, String topic, String messageEncoding, Map<String, String> metadata) {
        ensureOpen();
        if (schemaId != 0 && !schemas.containsKey(schemaId)) {
            throw new IllegalArgumentException("unknown schema id " + schemaId + " for channel " + topic);
        }
        int id = channels.size() + 1;
        if (id > MAX_ID) {
            throw new IllegalStateException("an MCAP file holds at most " + MAX_ID + " channels");
        }
        McapChannel channel = new McapChannel(id, schemaId, topic, messageEncoding, metadata);
        channels.put(id, channel);
        views.forEach(v -> v.channelAdded(channel));
        return id;
    }

    /**
     * Adds a message to the current chunk, writing the chunk out once it reaches the configured size.
     * {@code sequence} must fit in uint32; times are uint64 nanoseconds.
     */
    public synchronized void write(int channelId, long sequence, long logTimeNs, long publishTimeNs, byte[] data)
            throws IOException {
        ensureOpen();
        McapChannel channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("unknown channel id " + channelId);
        }
        if (sequence < 0 || sequence > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sequence " + sequence + " does not fit in uint32");
        }
        boolean ownChunk = options.ownChunkFromBytes() > 0 && data.length >= options.ownChunkFromBytes();
        if (ownChunk) {
            writeChunk(); // the small messages so far keep their own chunk, in time order before this one
        }
        if (channelsInData.add(channelId)) {
            int schemaId = channel.schemaId();
            if (schemaId != 0 && schemasInData.add(schemaId)) {
                chunk.addSchema(schemas.get(schemaId));
            }
            chunk.addChannel(channel);
        }
        chunk.addMessage(channelId, sequence, logTimeNs, publishTimeNs, data);
        countMessage(channelId, logTimeNs);
        for (McapLiveView view : views) {
            view.messageWritten(channel, sequence, logTimeNs, publishTimeNs, data);
        }
        if (ownChunk || chunk.size() >= options.chunkSizeBytes()) {
            writeChunk();
        }
    }

    /**
     * Opens a reader on what this writer has written so far and will write: completed chunks are read back from
     * the file through their chunk indexes, the chunk being filled is answered from memory. Closes the current
     * chunk first so everything written before the view opened is in the file. The caller closes the view.
     */
    public synchronized McapLiveView openLiveView(McapReaderOptions readerOptions) throws IOException {
        ensureOpen();
        writeChunk();
        McapLiveView view = new McapLiveView(file, readerOptions);
        schemas.values().forEach(view::schemaAdded);
        channels.values().forEach(view::channelAdded);
        for (McapChunkIndex index : chunkIndexes) {
            view.chunkWritten(index);
        }
        view.countedSoFar(messageCount, messageStartTime, messageEndTime);
        views.add(view);
        return view;
    }

    /** Writes a Metadata record (outside chunks, as the spec requires) and indexes it in the summary. */
    public synchronized void writeMetadata(String name, Map<String, String> metadata) throws IOException {
        ensureOpen();
        scratch.reset();
        int length = McapRecordEncoder.metadata(scratch, new McapMetadata(name, metadata));
        metadataIndexes.add(new McapMetadataIndex(position, length, name));
        writeData(scratch);
    }

    /** Closes the current partial chunk and hands it to the OS, so everything written so far survives a crash. */
    public synchronized void flush() throws IOException {
        ensureOpen();
        writeChunk();
    }

    /** Writes the last chunk, Data End, summary, summary offsets, footer and closing magic. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            writeChunk();
            scratch.reset();
            McapRecordEncoder.dataEnd(scratch, dataSectionCrc.getValue());
            writeData(scratch);
            writeSummaryAndFooter();
            if (options.syncEachChunk()) {
                out.force(true);
            }
        } finally {
            for (McapLiveView view : views) {
                view.writerClosed();
            }
        }
    }

    private void writeStart() throws IOException {
        scratch.reset();
        McapMagic.writeTo(scratch);
        McapRecordEncoder.header(scratch, new McapHeader(options.profile(), options.library()));
        writeData(scratch);
    }

    private void countMessage(int channelId, long logTime) {
        if (messageCount == 0 || Long.compareUnsigned(logTime, messageStartTime) < 0) {
            messageStartTime = logTime;
        }
        if (messageCount == 0 || Long.compareUnsigned(logTime, messageEndTime) > 0) {
            messageEndTime = logTime;
        }
        messageCount++;
        channelMessageCounts.merge(channelId, 1L, Long::sum);
    }

    private void writeChunk() throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        int rawLength = chunk.size();
        byte[] raw = chunk.recordBytes();
        CRC32 crc = new CRC32();
        crc.update(raw, 0, rawLength);

        byte[] records = raw;
        int recordsLength = rawLength;
        if (options.compression() == ChunkCompression.ZSTD) {
            int bound = (int) Math.min(Integer.MAX_VALUE - 16, Zstd.compressBound(rawLength));
            if (compressed.length < bound) {
                compressed = new byte[bound];
            }
            records = compressed;
            long n = Zstd.compressByteArray(records, 0, bound, raw, 0, rawLength, options.zstdLevel());
            if (Zstd.isError(n)) {
                throw new IOException("zstd compression of a chunk failed: " + Zstd.getErrorName(n));
            }
            recordsLength = (int) n;
        }

        long chunkStart = position;
        scratch.reset();
        int chunkLength = McapRecordEncoder.chunk(scratch, chunk.startTime(), chunk.endTime(), rawLength, crc.getValue(),
                options.compression().wireName(), records, recordsLength);
        Map<Integer, Long> indexOffsets = new TreeMap<>();
        for (Map.Entry<Integer, MessageIndexEntries> e : chunk.indexByChannel().entrySet()) {
            indexOffsets.put(e.getKey(), chunkStart + scratch.size());
            MessageIndexEntries entries = e.getValue();
            entries.sortByLogTime();
            McapRecordEncoder.messageIndex(scratch, e.getKey(), entries.pairs(), entries.count());
        }
        long messageIndexLength = scratch.size() - chunkLength;
        McapChunkIndex index = new McapChunkIndex(chunk.startTime(), chunk.endTime(), chunkStart, chunkLength,
                indexOffsets, messageIndexLength, options.compression().wireName(), recordsLength, rawLength);
        chunkIndexes.add(index);
        chunk.reset();
        writeData(scratch);
        if (options.syncEachChunk()) {
            out.force(false);
        }
        for (McapLiveView view : views) {
            view.chunkWritten(index);
        }
    }

    private void writeSummaryAndFooter() throws IOException {
        writeRaw(SummarySection.encode(position, schemas.values(), channels.values(), chunkIndexes, metadataIndexes,
                statistics()));
    }

    private McapStatistics statistics() {
        return new McapStatistics(messageCount, schemas.size(), channels.size(), 0, metadataIndexes.size(),
                chunkIndexes.size(), messageCount == 0 ? 0 : messageStartTime, messageCount == 0 ? 0 : messageEndTime,
                channelMessageCounts);
    }

    /** Writes data-section bytes, which count toward the Data End CRC. */
    private void writeData(LittleEndianBuffer buffer) throws IOException {
        dataSectionCrc.update(buffer.array(), 0, buffer.size());
        writeRaw(buffer);
    }

    private void writeRaw(LittleEndianBuffer buffer) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer.array(), 0, buffer.size());
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        position += buffer.size();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("MCAP writer for " + file + " is closed");
        }
    }
}
