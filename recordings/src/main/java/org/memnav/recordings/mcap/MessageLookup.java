package org.memnav.recordings.mcap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latest-at and range queries on one channel through the chunk indexes: the chunks that may hold the channel
 * are found by binary search on their time spans, the message's position inside a chunk from the chunk's
 * Message Index record (a few hundred bytes, no decompression), and only the chunk holding the answer is
 * decompressed. Decoded chunks and index entries share one {@link ByteBudgetCache}. Chunks without Message
 * Index records (other writers, unchunked files) are decoded once to index them.
 */
final class MessageLookup {
    /** Cache keys: the decoded records of a source, or one channel's entries in it. */
    private sealed interface Key {
    }

    private record RecordsKey(long sourceOffset) implements Key {
    }

    private record EntriesKey(long sourceOffset, int channelId) implements Key {
    }

    /** A message found in a source, before its bytes are parsed. */
    private record Hit(MessageSource source, int channelId, long logTime, int recordOffset) {
        static final Comparator<Hit> ORDER = Comparator.comparing(Hit::logTime, Long::compareUnsigned)
                .thenComparingLong(h -> h.source().fileOffset()).thenComparingInt(Hit::recordOffset);
    }

    private final FileRegionReader file;
    private final ChunkDecoder chunks;
    private final ChannelRegistry registry;
    private final ByteBudgetCache<Key, Object> cache;
    private final AtomicLong decoded = new AtomicLong();

    MessageLookup(FileRegionReader file, ChunkDecoder chunks, ChannelRegistry registry, long cacheBudgetBytes) {
        this.file = file;
        this.chunks = chunks;
        this.registry = registry;
        this.cache = new ByteBudgetCache<>(cacheBudgetBytes);
    }

    CacheStats stats() {
        return cache.stats(decoded.get());
    }

    /** The last message on {@code channelId} logged at or before {@code t} (ties: the last in file order), or null. */
    McapMessage latestAt(ChannelSources sources, int channelId, long t) throws IOException {
        Hit best = latestHit(sources, channelId, t);
        return best == null ? null : message(best);
    }

    /** The log time of that message, from the indexes alone (nothing is decompressed for indexed chunks). */
    Long latestLogTime(ChannelSources sources, int channelId, long t) throws IOException {
        Hit best = latestHit(sources, channelId, t);
        return best == null ? null : best.logTime();
    }

    private Hit latestHit(ChannelSources sources, int channelId, long t) throws IOException {
        Hit best = null;
        for (int i = sources.lastStartingAtOrBefore(t); i >= 0; i--) {
            if (best != null && Long.compareUnsigned(sources.maxEndUpTo(i), best.logTime()) < 0) {
                break; // no earlier-starting source reaches past what we have
            }
            MessageSource source = sources.get(i);
            ChannelEntries entries = entries(source, channelId);
            int k = entries.lastAtOrBefore(t);
            if (k >= 0) {
                Hit hit = new Hit(source, channelId, entries.time(k), entries.offset(k));
                if (best == null || Hit.ORDER.compare(hit, best) > 0) {
                    best = hit;
                }
            }
        }
        return best;
    }

    /** Messages on {@code channelId} logged in [from, to] (inclusive, unsigned), in log-time order. */
    List<McapMessage> range(ChannelSources sources, int channelId, long from, long to) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (int i = sources.lastStartingAtOrBefore(to); i >= 0; i--) {
            if (Long.compareUnsigned(sources.maxEndUpTo(i), from) < 0) {
                break;
            }
            MessageSource source = sources.get(i);
            if (Long.compareUnsigned(source.endTime(), from) < 0) {
                continue;
            }
            ChannelEntries entries = entries(source, channelId);
            for (int k = entries.firstAtOrAfter(from); k < entries.size()
                    && Long.compareUnsigned(entries.time(k), to) <= 0; k++) {
                hits.add(new Hit(source, channelId, entries.time(k), entries.offset(k)));
            }
        }
        hits.sort(Hit.ORDER);
        List<McapMessage> out = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            out.add(message(hit));
        }
        return out;
    }

    /** Log times of the messages on {@code channelId} in [from, to], from the indexes, unsorted across sources. */
    void logTimes(ChannelSources sources, int channelId, long from, long to, List<Long> out) throws IOException {
        for (int i = sources.lastStartingAtOrBefore(to); i >= 0; i--) {
            if (Long.compareUnsigned(sources.maxEndUpTo(i), from) < 0) {
                break;
            }
            MessageSource source = sources.get(i);
            if (Long.compareUnsigned(source.endTime(), from) < 0) {
                continue;
            }
            ChannelEntries entries = entries(source, channelId);
            for (int k = entries.firstAtOrAfter(from); k < entries.size()
                    && Long.compareUnsigned(entries.time(k), to) <= 0; k++) {
                out.add(entries.time(k));
            }
        }
    }

    private ChannelEntries entries(MessageSource source, int channelId) throws IOException {
        EntriesKey key = new EntriesKey(source.fileOffset(), channelId);
        Object cached = cache.get(key);
        if (cached != null) {
            return (ChannelEntries) cached;
        }
        if (source instanceof MessageSource.ChunkSource chunk && !chunk.index().messageIndexOffsets().isEmpty()) {
            Long at = chunk.index().messageIndexOffsets().get(channelId);
            ChannelEntries entries = at == null ? ChannelEntries.NONE : readMessageIndex(chunk.index(), at, channelId);
            cache.put(key, entries, entries.bytes());
            return entries;
        }
        Map<Integer, ChannelEntries> all = indexByDecoding(source);
        for (Map.Entry<Integer, ChannelEntries> e : all.entrySet()) {
            cache.put(new EntriesKey(source.fileOffset(), e.getKey()), e.getValue(), e.getValue().bytes());
        }
        return all.getOrDefault(channelId, ChannelEntries.NONE);
    }

    /** Parses the Message Index record at {@code offset}, checking it belongs to the chunk and the channel. */
    private ChannelEntries readMessageIndex(McapChunkIndex chunk, long offset, int channelId) throws IOException {
        byte[] prefix = file.read(offset, Opcode.RECORD_PREFIX_BYTES, "message index prefix");
        LittleEndianReader p = new LittleEndianReader(prefix, new ByteOrigin.FileBytes(file.file(), offset));
        int opcode = p.u8();
        long length = p.u64Length("message index length");
        if (opcode != Opcode.MESSAGE_INDEX) {
            throw new McapFormatException(file.file(), offset, "the chunk index of the chunk at " + chunk.chunkStartOffset()
                    + " points at " + Opcode.name(opcode) + ", not a Message Index record");
        }
        long contentAt = offset + Opcode.RECORD_PREFIX_BYTES;
        LittleEndianReader in = new LittleEndianReader(file.read(contentAt, length, "message index"),
                new ByteOrigin.FileBytes(file.file(), contentAt));
        int id = in.u16();
        if (id != channelId) {
            throw in.problem("message index for channel " + id + " where the chunk index promised channel " + channelId);
        }
        long bytes = in.u32();
        if (bytes % 16 != 0 || bytes > in.remaining()) {
            throw in.problem("message index entries claim " + bytes + " bytes (must be a multiple of 16 within the "
                    + in.remaining() + " remaining)");
        }
        int count = (int) (bytes / 16);
        long[] times = new long[count];
        int[] offsets = new int[count];
        for (int i = 0; i < count; i++) {
            times[i] = in.u64();
            long recordOffset = in.u64();
            if (recordOffset < 0 || recordOffset >= chunk.uncompressedSize()) {
                throw in.problem("message index entry points at byte " + Long.toUnsignedString(recordOffset)
                        + " of a chunk with " + chunk.uncompressedSize() + " uncompressed bytes");
            }
            offsets[i] = (int) recordOffset;
        }
        return ChannelEntries.of(times, offsets, count);
    }

    /** Indexes every channel of a source that has no Message Index records, by reading its records. */
    private Map<Integer, ChannelEntries> indexByDecoding(MessageSource source) throws IOException {
        byte[] records = records(source);
        Map<Integer, long[]> times = new HashMap<>();
        Map<Integer, int[]> offsets = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        RecordCursor cursor = new RecordCursor(records, 0, records.length, origin(source));
        while (cursor.next()) {
            switch (cursor.opcode()) {
                case Opcode.SCHEMA -> registry.add(McapRecordParser.schema(cursor.content()));
                case Opcode.CHANNEL -> registry.add(McapRecordParser.channel(cursor.content()));
                case Opcode.MESSAGE -> {
                    McapRecordParser.MessageHead head = McapRecordParser.messageHead(cursor.content());
                    int n = counts.getOrDefault(head.channelId(), 0);
                    long[] t = times.computeIfAbsent(head.channelId(), c -> new long[16]);
                    int[] o = offsets.computeIfAbsent(head.channelId(), c -> new int[16]);
                    if (n == t.length) {
                        t = Arrays.copyOf(t, n * 2);
                        o = Arrays.copyOf(o, n * 2);
                        times.put(head.channelId(), t);
                        offsets.put(head.channelId(), o);
                    }
                    t[n] = head.logTime();
                    o[n] = cursor.recordStart();
                    counts.put(head.channelId(), n + 1);
                }
                default -> {
                }
            }
        }
        Map<Integer, ChannelEntries> out = new HashMap<>();
        counts.forEach((id, n) -> out.put(id, ChannelEntries.of(times.get(id), offsets.get(id), n)));
        return out;
    }

    /** The uncompressed records of a chunk, or the raw bytes of an unchunked run, through the cache. */
    private byte[] records(MessageSource source) throws IOException {
        RecordsKey key = new RecordsKey(source.fileOffset());
        Object cached = cache.get(key);
        if (cached != null) {
            return (byte[]) cached;
        }
        byte[] records = switch (source) {
            case MessageSource.ChunkSource chunk -> chunks.readAndDecode(chunk.index().chunkStartOffset());
            case MessageSource.LooseMessageRun run -> file.read(run.fileOffset(), run.length(), "message run");
        };
        decoded.incrementAndGet();
        if (!singleMessage(source)) {
            cache.put(key, records, records.length + 16L);
        }
        return records;
    }

    /**
     * A chunk holding one message (a frame the writer gave a chunk of its own) is not kept: its message is all
     * anyone wants from it and goes to the caller anyway; keeping such large one-off arrays would only make
     * the garbage collector copy them around.
     */
    private boolean singleMessage(MessageSource source) throws IOException {
        if (!(source instanceof MessageSource.ChunkSource chunk) || chunk.index().messageIndexOffsets().size() != 1) {
            return false;
        }
        int channelId = chunk.index().messageIndexOffsets().keySet().iterator().next();
        return entries(source, channelId).size() == 1;
    }

    private McapMessage message(Hit hit) throws IOException {
        byte[] records = records(hit.source());
        ByteOrigin origin = origin(hit.source());
        RecordCursor cursor = new RecordCursor(records, hit.recordOffset(), records.length, origin);
        if (!cursor.next() || cursor.opcode() != Opcode.MESSAGE) {
            throw origin.problem(hit.recordOffset(), "a message index entry points at "
                    + (cursor.recordStart() < 0 ? "the end of the records" : Opcode.name(cursor.opcode()))
                    + ", not a Message record");
        }
        LittleEndianReader in = cursor.content();
        McapRecordParser.MessageHead head = McapRecordParser.messageHead(in);
        if (head.channelId() != hit.channelId() || head.logTime() != hit.logTime()) {
            throw origin.problem(hit.recordOffset(), "the message index promised channel " + hit.channelId() + " at log time "
                    + Long.toUnsignedString(hit.logTime()) + " but the record there is on channel " + head.channelId()
                    + " at " + Long.toUnsignedString(head.logTime()));
        }
        McapChannel channel = registry.channel(head.channelId());
        if (channel == null) {
            throw origin.problem(hit.recordOffset(), "message on channel " + head.channelId()
                    + " which no Channel record defines");
        }
        return new McapMessage(channel, head.sequence(), head.logTime(), head.publishTime(),
                in.bytes(in.remaining(), "message data"));
    }

    private ByteOrigin origin(MessageSource source) {
        return source instanceof MessageSource.ChunkSource chunk
                ? new ByteOrigin.ChunkBytes(file.file(), chunk.index().chunkStartOffset())
                : new ByteOrigin.FileBytes(file.file(), source.fileOffset());
    }
}
