package org.memnav.recordings.playback;

import org.memnav.recordings.mcap.CacheStats;
import org.memnav.recordings.query.Sample;
import org.memnav.recordings.query.TimeRange;

import java.util.Map;
import java.util.Optional;

/**
 * Everything a view needs to draw one moment of playback, immutable, handed over on the engine's thread.
 *
 * @param version  increases with every snapshot of one engine
 * @param timeNs   the moment shown (log time)
 * @param step     the step that moment falls on
 * @param range    the source's time span now (null while it has no messages)
 * @param live     the source is still being recorded
 * @param latest   per topic, the latest message at or before {@code timeNs} (topics with none are absent)
 * @param cache    the reader's cache: fixed budget and bytes in use, for the UI to show
 * @param problem  why the last query failed (damaged chunk, I/O error), or null
 */
public record PlaybackSnapshot(long version, PlaybackState state, long timeNs, int step, TimeRange range, double speed,
                               boolean loop, boolean live, Map<String, Sample> latest, CacheStats cache, String problem) {
    public PlaybackSnapshot {
        latest = Map.copyOf(latest);
    }

    public Optional<Sample> latest(String topic) {
        return Optional.ofNullable(latest.get(topic));
    }

    public Optional<TimeRange> timeRange() {
        return Optional.ofNullable(range);
    }
}
