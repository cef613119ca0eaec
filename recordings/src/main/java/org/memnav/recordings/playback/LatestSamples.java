package org.memnav.recordings.playback;

import org.memnav.recordings.query.EpisodeSource;
import org.memnav.recordings.query.Sample;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest sample of each channel at a moment, kept from one moment to the next: a channel whose latest
 * message did not change (its log time, read from the index alone) keeps the sample already fetched, so
 * playing through a run decompresses each frame once, not once per displayed frame. Not thread-safe: one per
 * playback loop.
 */
public final class LatestSamples {
    private Map<String, Sample> current = Map.of();

    /** The latest sample of every topic at {@code timeNs} (topics without one are absent). */
    public Map<String, Sample> at(EpisodeSource source, Collection<String> topics, long timeNs) throws IOException {
        Map<String, Sample> next = new HashMap<>();
        for (String topic : topics) {
            Optional<Long> time = source.latestLogTimeAt(topic, timeNs);
            if (time.isEmpty()) {
                continue;
            }
            Sample previous = current.get(topic);
            if (previous != null && previous.logTimeNs() == time.get()) {
                next.put(topic, previous);
            } else {
                source.latestAt(topic, timeNs).ifPresent(s -> next.put(topic, s));
            }
        }
        current = Map.copyOf(next);
        return current;
    }

    /** Forgets what was fetched (a new source, or after an error). */
    public void clear() {
        current = Map.of();
    }
}
