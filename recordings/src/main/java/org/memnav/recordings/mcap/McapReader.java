package org.memnav.recordings.mcap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.CRC32;

/**
 * Reads MCAP files: ours and any valid MCAP with uncompressed, zstd or lz4 chunks, or messages outside
 * chunks. An intact file is opened through its summary (schemas, channels, statistics, chunk indexes);
 * a file without Footer (truncated, writer killed) is recovered by scanning the data section, which still
 * yields every message of every complete chunk. Problems in the bytes raise {@link McapFormatException}
 * naming the file, offset and problem; lengths are checked against the file before anything is allocated.
 *
 * <p>Messages come back in log-time order (ties in file order). Chunks are decoded lazily while streaming,
 * and only those overlapping the requested time range. {@link #latestAt} and {@link #range} find messages
 * through the chunk and message indexes without scanning, keeping decoded chunks in a cache of fixed byte
 * budget ({@link McapReaderOptions#cacheBudgetBytes()}). Safe to use from several threads.
 */
public final class McapReader implements McapQueries, AutoCloseable {
    private final FileRegionReader file;
    private final McapReaderOptions options;
    private final ChannelRegistry registry;
    private final MessageLoader loader;
    private final McapLayout layout;
    private final SourceTable sourceTable;
    private final MessageLookup lookup;

    private McapReader(FileRegionReader file, McapReaderOptions options, ChannelRegistry registry, ChunkDecoder chunks,
                       McapLayout layout) {
        this.file = file;
        this.options = options;
        this.registry = registry;
        this.loader = new MessageLoader(file, chunks, registry);
        this.layout = layout;
        this.sourceTable = new SourceTable(layout.sources());
        this.lookup = new MessageLookup(file, chunks, registry, options.cacheBudgetBytes());
    }

    public static McapReader open(Path path) throws IOException {
        return open(path, McapReaderOptions.defaults());
    }

    /**
     * Opens {@code path}.
     *
     * @throws McapFormatException if it is empty, not MCAP, or corrupt beyond recovery
     * @throws IOException         if it cannot be read at all
     */
    public static McapReader open(Path path, McapReaderOptions options) throws IOException {
        FileRegionReader file = new FileRegionReader(path);
        try {
            ChannelRegistry registry = new ChannelRegistry();
            ChunkDecoder chunks = new ChunkDecoder(file, options);
            McapLayout layout = new McapLayoutLoader(file, options, chunks, registry).load();
            return new McapReader(file, options, registry, chunks, layout);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public Path file() {
        return file.file();
    }

    public McapHeader header() {
        return layout.header();
    }

    /** Schemas by id, from the summary or (when recovering) from the scanned data. */
    @Override
    public Map<Integer, McapSchema> schemas() {
        return registry.schemas();
    }

    /** Channels by id, from the summary or (when recovering) from the scanned data. */
    @Override
    public Map<Integer, McapChannel> channels() {
        return registry.channels();
    }

    /** The channel on {@code topic} with the lowest id (a topic may have several publishers, hence channels). */
    public Optional<McapChannel> channel(String topic) {
        return registry.channels().values().stream().filter(c -> c.topic().equals(topic)).findFirst();
    }

    /** The file's Statistics record; for a recovered or unindexed file, statistics computed by the scan. */
    public Optional<McapStatistics> statistics() {
        return Optional.ofNullable(layout.statistics());
    }

    /** Chunk indexes from the summary, or reconstructed by the scan. */
    public List<McapChunkIndex> chunkIndexes() {
        return layout.chunkIndexes();
    }

    /** True when the file was opened through its summary; false when its data section was scanned. */
    public boolean summaryUsed() {
        return layout.summaryUsed();
    }

    /** Why the file was recovered by scanning (truncated, writer killed); empty for an intact file. */
    public Optional<String> recoveryReason() {
        return Optional.ofNullable(layout.recoveryReason());
    }

    /** The file's Metadata records, in file order. */
    public List<McapMetadata> metadata() throws IOException {
        List<McapMetadata> out = new ArrayList<>();
        for (McapMetadataIndex index : layout.metadataIndexes()) {
            byte[] record = file.read(index.offset(), index.length(), "Metadata record");
            RecordCursor cursor = new RecordCursor(record, 0, record.length, new ByteOrigin.FileBytes(file.file(), index.offset()));
            if (!cursor.next() || cursor.opcode() != Opcode.METADATA) {
                throw new McapFormatException(file.file(), index.offset(), "metadata index points at "
                        + Opcode.name(cursor.opcode()) + ", not a Metadata record");
            }
            out.add(McapRecordParser.metadata(cursor.content()));
        }
        return out;
    }

    /** All messages in log-time order. */
    public Stream<McapMessage> messages() {
        return messages(MessageFilter.all());
    }

    /** Messages on the given topics in log-time order. */
    public Stream<McapMessage> messages(Collection<String> topics) {
        return messages(MessageFilter.topics(topics));
    }

    /**
     * Messages matching {@code filter} in log-time order. Chunks are read as the stream advances; a corrupt
     * chunk raises {@link McapFormatException} and an I/O failure {@link UncheckedIOException} from the stream.
     */
    public Stream<McapMessage> messages(MessageFilter filter) {
        LogTimeMergeIterator iterator = new LogTimeMergeIterator(sourcesFor(filter), loader, filter);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The last message on {@code topic} logged at or before {@code timeNs}: a binary search over the chunk
     * indexes, then the chunk's Message Index record, then one chunk decoded (or found in the cache).
     *
     * @throws McapFormatException if an index or the chunk holding the answer is corrupt
     */
    @Override
    public Optional<McapMessage> latestAt(String topic, long timeNs) throws IOException {
        List<Integer> ids = TopicQueries.channelIds(registry, topic);
        return Optional.ofNullable(TopicQueries.latestAt(lookup, TopicQueries.sources(sourceTable, ids), timeNs));
    }

    @Override
    public Optional<Long> latestLogTimeAt(String topic, long timeNs) throws IOException {
        List<Integer> ids = TopicQueries.channelIds(registry, topic);
        return Optional.ofNullable(TopicQueries.latestLogTime(lookup, TopicQueries.sources(sourceTable, ids), timeNs));
    }

    /** Messages on {@code topic} in [fromNs, toNs]; only the chunks holding that channel in that span are decoded. */
    @Override
    public List<McapMessage> range(String topic, long fromNs, long toNs) throws IOException {
        List<Integer> ids = TopicQueries.channelIds(registry, topic);
        return TopicQueries.range(lookup, TopicQueries.sources(sourceTable, ids), fromNs, toNs);
    }

    @Override
    public List<Long> logTimes(String topic, long fromNs, long toNs) throws IOException {
        List<Integer> ids = TopicQueries.channelIds(registry, topic);
        return TopicQueries.logTimes(lookup, TopicQueries.sources(sourceTable, ids), fromNs, toNs);
    }

    /** From the Statistics record, or from the chunk spans when the file has none. */
    @Override
    public Optional<Long> startTimeNs() {
        McapStatistics s = layout.statistics();
        if (s != null) {
            return s.messageCount() == 0 ? Optional.empty() : Optional.of(s.messageStartTimeNs());
        }
        return layout.sources().stream().map(MessageSource::startTime).min(Long::compareUnsigned);
    }

    /** From the Statistics record, or from the chunk spans when the file has none. */
    @Override
    public Optional<Long> endTimeNs() {
        McapStatistics s = layout.statistics();
        if (s != null) {
            return s.messageCount() == 0 ? Optional.empty() : Optional.of(s.messageEndTimeNs());
        }
        return layout.sources().stream().map(MessageSource::endTime).max(Long::compareUnsigned);
    }

    @Override
    public CacheStats cacheStats() {
        return lookup.stats();
    }

    /** Where the data section starts (right after the Header), for {@link McapRepair}. */
    long dataStart() {
        return layout.dataStart();
    }

    /** Size of the file in bytes. */
    public long fileSize() {
        return file.size();
    }

    /** The sources that may hold the filter's topics: chunks whose Message Index offsets name none are skipped. */
    private List<MessageSource> sourcesFor(MessageFilter filter) {
        if (filter.topics().isEmpty()) {
            return layout.sources();
        }
        Set<Integer> ids = new HashSet<>();
        for (String topic : filter.topics()) {
            ids.addAll(TopicQueries.channelIds(registry, topic));
        }
        List<MessageSource> out = new ArrayList<>();
        for (MessageSource source : layout.sources()) {
            if (!(source instanceof MessageSource.ChunkSource chunk) || chunk.index().messageIndexOffsets().isEmpty()
                    || chunk.index().messageIndexOffsets().keySet().stream().anyMatch(ids::contains)) {
                out.add(source);
            }
        }
        return out;
    }

    /**
     * Checks everything that carries a CRC: the data section against Data End's CRC (when the file has one)
     * and every chunk against its own. The summary CRC is checked on open.
     *
     * @throws McapFormatException at the first mismatch
     */
    public void verify() throws IOException {
        if (layout.dataEndOffset() >= 0 && layout.dataSectionCrc() != 0) {
            CRC32 crc = new CRC32();
            long end = layout.dataEndOffset();
            for (long at = 0; at < end; ) {
                int n = (int) Math.min(1 << 20, end - at);
                crc.update(file.read(at, n, "data section"));
                at += n;
            }
            if (crc.getValue() != layout.dataSectionCrc()) {
                throw new McapFormatException(file.file(), end, String.format(
                        "data section CRC mismatch: Data End stores 0x%08X but the data section gives 0x%08X",
                        layout.dataSectionCrc(), crc.getValue()));
            }
        }
        ChunkDecoder checking = new ChunkDecoder(file, options.withValidateCrcs(true));
        for (MessageSource source : layout.sources()) {
            if (source instanceof MessageSource.ChunkSource chunk) {
                checking.readAndDecode(chunk.index().chunkStartOffset());
            }
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
