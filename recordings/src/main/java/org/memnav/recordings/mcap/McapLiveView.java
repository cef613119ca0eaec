package org.memnav.recordings.mcap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Latest-at and range queries on a file that a {@link McapWriter} in this process is still writing (a live
 * run): completed chunks are read back from the file through the chunk indexes the writer reports, exactly as
 * {@link McapReader} does; messages of the chunk still being filled are answered from memory (at most one
 * chunk's worth, dropped as soon as that chunk reaches the file). Open one with {@link McapWriter#openLiveView};
 * it keeps working on the finished file after the writer closes.
 */
public final class McapLiveView implements McapQueries, AutoCloseable {
    private final FileRegionReader file;
    private final ChannelRegistry registry = new ChannelRegistry();
    private final SourceTable table = new SourceTable(List.of());
    private final MessageLookup lookup;
    /** Messages of the chunk being filled, per channel in write order. */
    private final Map<Integer, List<McapMessage>> pending = new HashMap<>();
    private long messageCount;
    private long startTime;
    private long endTime;
    private boolean writerOpen = true;
    private boolean closed;

    McapLiveView(Path path, McapReaderOptions options) throws IOException {
        this.file = new FileRegionReader(path);
        this.lookup = new MessageLookup(file, new ChunkDecoder(file, options), registry, options.cacheBudgetBytes());
    }

    synchronized void schemaAdded(McapSchema schema) {
        registry.add(schema);
    }

    synchronized void channelAdded(McapChannel channel) {
        registry.add(channel);
    }

    synchronized void messageWritten(McapChannel channel, long sequence, long logTime, long publishTime, byte[] data) {
        if (closed) {
            return;
        }
        pending.computeIfAbsent(channel.id(), id -> new ArrayList<>())
                .add(new McapMessage(channel, sequence, logTime, publishTime, data.clone()));
        if (messageCount == 0 || Long.compareUnsigned(logTime, startTime) < 0) {
            startTime = logTime;
        }
        if (messageCount == 0 || Long.compareUnsigned(logTime, endTime) > 0) {
            endTime = logTime;
        }
        messageCount++;
    }

    /** What the writer had written before this view opened (all of it already in chunks). */
    synchronized void countedSoFar(long messages, long start, long end) {
        messageCount = messages;
        startTime = start;
        endTime = end;
    }

    /** The writer put a whole chunk (every pending message) into the file. */
    synchronized void chunkWritten(McapChunkIndex index) throws IOException {
        if (closed) {
            return;
        }
        file.refreshSize();
        table.add(new MessageSource.ChunkSource(index));
        pending.clear();
    }

    synchronized void writerClosed() throws IOException {
        writerOpen = false;
        if (!closed) {
            file.refreshSize();
        }
    }

    public Path file() {
        return file.file();
    }

    /** True until the writer closes the file. */
    public synchronized boolean writerOpen() {
        return writerOpen;
    }

    /** Messages written so far; changes whenever the file gains a message. */
    public synchronized long messageCount() {
        return messageCount;
    }

    @Override
    public Map<Integer, McapSchema> schemas() {
        return registry.schemas();
    }

    @Override
    public Map<Integer, McapChannel> channels() {
        return registry.channels();
    }

    @Override
    public Optional<McapMessage> latestAt(String topic, long timeNs) throws IOException {
        Snapshot s = snapshot(topic);
        McapMessage best = TopicQueries.latestAt(lookup, s.sources(), timeNs);
        for (McapMessage m : s.pending()) {
            if (Long.compareUnsigned(m.logTimeNs(), timeNs) <= 0
                    && (best == null || Long.compareUnsigned(m.logTimeNs(), best.logTimeNs()) >= 0)) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public Optional<Long> latestLogTimeAt(String topic, long timeNs) throws IOException {
        Snapshot s = snapshot(topic);
        Long best = TopicQueries.latestLogTime(lookup, s.sources(), timeNs);
        for (McapMessage m : s.pending()) {
            if (Long.compareUnsigned(m.logTimeNs(), timeNs) <= 0
                    && (best == null || Long.compareUnsigned(m.logTimeNs(), best) > 0)) {
                best = m.logTimeNs();
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public List<McapMessage> range(String topic, long fromNs, long toNs) throws IOException {
        Snapshot s = snapshot(topic);
        List<McapMessage> out = new ArrayList<>(TopicQueries.range(lookup, s.sources(), fromNs, toNs));
        boolean added = false;
        for (McapMessage m : s.pending()) {
            if (Long.compareUnsigned(m.logTimeNs(), fromNs) >= 0 && Long.compareUnsigned(m.logTimeNs(), toNs) <= 0) {
                out.add(m);
                added = true;
            }
        }
        if (added) {
            out.sort(TopicQueries.LOG_TIME); // stable: file order kept among equal times
        }
        return out;
    }

    @Override
    public List<Long> logTimes(String topic, long fromNs, long toNs) throws IOException {
        Snapshot s = snapshot(topic);
        List<Long> out = new ArrayList<>(TopicQueries.logTimes(lookup, s.sources(), fromNs, toNs));
        for (McapMessage m : s.pending()) {
            if (Long.compareUnsigned(m.logTimeNs(), fromNs) >= 0 && Long.compareUnsigned(m.logTimeNs(), toNs) <= 0) {
                out.add(m.logTimeNs());
            }
        }
        out.sort(Long::compareUnsigned);
        return out;
    }

    @Override
    public synchronized Optional<Long> startTimeNs() {
        return messageCount == 0 ? Optional.empty() : Optional.of(startTime);
    }

    @Override
    public synchronized Optional<Long> endTimeNs() {
        return messageCount == 0 ? Optional.empty() : Optional.of(endTime);
    }

    @Override
    public CacheStats cacheStats() {
        return lookup.stats();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        pending.clear();
        file.close();
    }

    private record Snapshot(Map<Integer, ChannelSources> sources, List<McapMessage> pending) {
    }

    /** The chunks and pending messages of a topic at one moment, so a chunk being handed over is seen once. */
    private synchronized Snapshot snapshot(String topic) {
        List<Integer> ids = TopicQueries.channelIds(registry, topic);
        List<McapMessage> waiting = new ArrayList<>();
        for (int id : ids) {
            waiting.addAll(pending.getOrDefault(id, List.of()));
        }
        return new Snapshot(TopicQueries.sources(table, ids), waiting);
    }
}
