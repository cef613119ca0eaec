package org.memnav.recordings.query;

import org.memnav.recordings.RunMessageDecoder;
import org.memnav.recordings.RunTimeline;
import org.memnav.recordings.RunTopics;
import org.memnav.recordings.mcap.CacheStats;
import org.memnav.recordings.mcap.McapChannel;
import org.memnav.recordings.mcap.McapMessage;
import org.memnav.recordings.mcap.McapQueries;
import org.memnav.recordings.mcap.McapSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The queries both episode sources answer the same way, over a finished file or a live view of one. */
abstract class QueryingEpisodeSource implements EpisodeSource {
    private final McapQueries queries;
    private final RunMessageDecoder decoder;
    private final RunTimeline timeline;

    QueryingEpisodeSource(McapQueries queries, RunMessageDecoder decoder, RunTimeline timeline) {
        this.queries = queries;
        this.decoder = decoder;
        this.timeline = timeline;
    }

    @Override
    public List<ChannelInfo> channels() {
        Map<Integer, McapSchema> schemas = queries.schemas();
        List<ChannelInfo> out = new ArrayList<>();
        for (McapChannel c : queries.channels().values()) {
            McapSchema schema = schemas.get(c.schemaId());
            out.add(new ChannelInfo(c.topic(), c.messageEncoding(), schema == null ? "" : schema.name(), c.metadata()));
        }
        return out;
    }

    @Override
    public RunTimeline timeline() {
        return timeline;
    }

    @Override
    public Optional<RunMessageDecoder> decoder() {
        return Optional.ofNullable(decoder);
    }

    @Override
    public Optional<TimeRange> timeRange() {
        Optional<Long> start = queries.startTimeNs();
        Optional<Long> end = queries.endTimeNs();
        return start.isEmpty() || end.isEmpty() ? Optional.empty() : Optional.of(new TimeRange(start.get(), end.get()));
    }

    @Override
    public Optional<Sample> latestAt(String topic, long timeNs) throws IOException {
        Optional<McapMessage> m = queries.latestAt(topic, timeNs);
        return m.map(this::sample);
    }

    @Override
    public Optional<Long> latestLogTimeAt(String topic, long timeNs) throws IOException {
        return queries.latestLogTimeAt(topic, timeNs);
    }

    @Override
    public List<Sample> range(String topic, long fromNs, long toNs) throws IOException {
        List<McapMessage> messages = queries.range(topic, fromNs, toNs);
        List<Sample> out = new ArrayList<>(messages.size());
        for (McapMessage m : messages) {
            out.add(sample(m));
        }
        return out;
    }

    @Override
    public List<Long> logTimes(String topic, long fromNs, long toNs) throws IOException {
        return queries.logTimes(topic, fromNs, toNs);
    }

    @Override
    public CacheStats cacheStats() {
        return queries.cacheStats();
    }

    private Sample sample(McapMessage m) {
        return Sample.of(m, timeline.stepAt(m.logTimeNs()));
    }

    /** The run's decoder, or null for a plain MCAP file without {@code /run/config}. */
    static RunMessageDecoder decoderOrNull(McapQueries queries) throws IOException {
        if (queries.channels().values().stream().noneMatch(c -> c.topic().equals(RunTopics.CONFIG))) {
            return null;
        }
        return RunMessageDecoder.forRecording(queries);
    }

    /** The run's timeline, or 100 ms steps from the first message of a plain MCAP file. */
    static RunTimeline timelineOf(McapQueries queries, RunMessageDecoder decoder) {
        if (decoder != null) {
            return decoder.timeline();
        }
        return RunTimeline.startingAt(Math.max(0, queries.startTimeNs().orElse(0L)));
    }
}
