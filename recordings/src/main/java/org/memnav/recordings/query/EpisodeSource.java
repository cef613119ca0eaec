package org.memnav.recordings.query;

import org.memnav.recordings.RunMessageDecoder;
import org.memnav.recordings.RunTimeline;
import org.memnav.recordings.mcap.CacheStats;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where a recorded (or still running) episode comes from: a finished file ({@link FileEpisodeSource}) or a
 * run being recorded right now ({@link LiveEpisodeSource}). Per channel it answers latest-at (the state of a
 * stream at a moment: what a player shows after a seek) and range queries (a trajectory, the frames of a
 * window) through the file's chunk index, never by scanning the file. Safe to query from several threads; the
 * UI (issue 7) and {@link org.memnav.recordings.playback.PlaybackEngine} use it.
 */
public interface EpisodeSource extends AutoCloseable {

    /** Where the data comes from (the file), for titles and messages. */
    String description();

    /** Channels known now (a live source gains channels as the run records them). */
    List<ChannelInfo> channels();

    /**
     * Steps to log times. From the recording's {@code /run/config}; a plain MCAP file without one gets 100 ms
     * steps from its first message.
     */
    RunTimeline timeline();

    /** Typed decoding of the run channels; empty for a plain MCAP file that is not a MemNav run. */
    Optional<RunMessageDecoder> decoder();

    /** First and last log time; empty while nothing is recorded yet. Grows while {@link #isLive()}. */
    Optional<TimeRange> timeRange();

    /** True while the run is still being recorded (the time range can still grow). */
    boolean isLive();

    /** The last message on {@code topic} logged at or before {@code timeNs} (ties: the last written). */
    Optional<Sample> latestAt(String topic, long timeNs) throws IOException;

    /** The log time of the sample {@link #latestAt} would return, from the indexes alone (no decompression). */
    Optional<Long> latestLogTimeAt(String topic, long timeNs) throws IOException;

    /** Messages on {@code topic} logged in [fromNs, toNs], in log-time order. */
    List<Sample> range(String topic, long fromNs, long toNs) throws IOException;

    /** Log times on {@code topic} in [fromNs, toNs] from the indexes alone (timeline markers), ascending. */
    List<Long> logTimes(String topic, long fromNs, long toNs) throws IOException;

    /** Latest-at for the log time of {@code step}. */
    default Optional<Sample> latestAtStep(String topic, int step) throws IOException {
        return latestAt(topic, timeline().logTimeOf(step));
    }

    /** The reader's decoded-chunk cache: fixed budget (256 MB by default, whatever the file size), use, hits. */
    CacheStats cacheStats();

    @Override
    void close() throws IOException;
}
