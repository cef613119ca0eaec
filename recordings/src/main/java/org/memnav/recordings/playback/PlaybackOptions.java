package org.memnav.recordings.playback;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * How a {@link PlaybackEngine} runs.
 *
 * @param topics     channels to put in each snapshot (empty: every channel of the source)
 * @param framePeriod time between snapshots while playing or following live (16 ms: one 60 Hz frame)
 * @param clock      monotonic nanoseconds; tests drive playback with a clock of their own
 */
public record PlaybackOptions(Set<String> topics, Duration framePeriod, LongSupplier clock) {
    public PlaybackOptions {
        topics = Set.copyOf(topics);
        if (framePeriod.isNegative() || framePeriod.isZero()) {
            throw new IllegalArgumentException("frame period must be positive, got " + framePeriod);
        }
    }

    public static PlaybackOptions defaults() {
        return new PlaybackOptions(Set.of(), Duration.ofMillis(16), System::nanoTime);
    }

    public PlaybackOptions withTopics(Set<String> newTopics) {
        return new PlaybackOptions(newTopics, framePeriod, clock);
    }

    public PlaybackOptions withClock(LongSupplier newClock) {
        return new PlaybackOptions(topics, framePeriod, newClock);
    }

    public PlaybackOptions withFramePeriod(Duration period) {
        return new PlaybackOptions(topics, period, clock);
    }
}
