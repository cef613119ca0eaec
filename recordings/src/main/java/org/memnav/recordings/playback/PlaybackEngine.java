package org.memnav.recordings.playback;

import org.memnav.recordings.mcap.McapFormatException;
import org.memnav.recordings.query.ChannelInfo;
import org.memnav.recordings.query.EpisodeSource;
import org.memnav.recordings.query.Sample;
import org.memnav.recordings.query.TimeRange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plays an {@link EpisodeSource} on its own thread, as a state machine (idle, playing, seeking, following
 * live) that hands an immutable {@link PlaybackSnapshot} to its listener whenever the moment shown changes.
 * Commands (play, pause, seek by time or step, step, speed, loop, follow live) may come from any thread; they
 * are queued and applied in order on the engine's thread, and a burst of seeks (a scrubbed slider) is
 * collapsed to the last one. A seek is one latest-at query per channel through the chunk index.
 *
 * <p>While playing, log time advances by wall time x speed (10 steps per second at speed 1 on the default
 * 100 ms step clock). At the end it stops (idle), wraps to the start (loop), or, for a run still being
 * recorded, follows it live.
 */
public final class PlaybackEngine implements AutoCloseable {
    private sealed interface Command {
    }

    private record Play() implements Command {
    }

    private record Pause() implements Command {
    }

    private record SeekTime(long timeNs) implements Command {
    }

    private record SeekStep(int step) implements Command {
    }

    private record StepBy(int steps) implements Command {
    }

    private record Speed(double speed) implements Command {
    }

    private record Loop(boolean loop) implements Command {
    }

    private record FollowLive() implements Command {
    }

    private record Stop() implements Command {
    }

    private static final double MAX_SPEED = 1000;

    private final EpisodeSource source;
    private final PlaybackListener listener;
    private final PlaybackOptions options;
    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile PlaybackSnapshot current;

    // Engine-thread state.
    private PlaybackState state = PlaybackState.IDLE;
    private long timeNs;
    private double speed = 1;
    private boolean loop;
    private long lastTick;
    private long version;
    private Map<String, Sample> latest = Map.of();
    private final LatestSamples samples = new LatestSamples();
    private TimeRange shownRange;
    private String problem;

    public PlaybackEngine(EpisodeSource source, PlaybackListener listener) {
        this(source, listener, PlaybackOptions.defaults());
    }

    /** Starts the engine's thread; the first snapshot (idle at the start of the source) follows at once. */
    public PlaybackEngine(EpisodeSource source, PlaybackListener listener, PlaybackOptions options) {
        this.source = source;
        this.listener = listener;
        this.options = options;
        this.timeNs = source.timeRange().map(TimeRange::startNs).orElse(source.timeline().startTimeNs());
        this.thread = new Thread(this::run, "memnav-playback");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The last snapshot handed out (null before the first). */
    public PlaybackSnapshot snapshot() {
        return current;
    }

    public void play() {
        send(new Play());
    }

    public void pause() {
        send(new Pause());
    }

    /** Shows the moment {@code timeNs} (clamped to the source's range); playing continues from there. */
    public void seekTo(long timeNs) {
        send(new SeekTime(timeNs));
    }

    /** Shows step {@code step}; playing continues from there. */
    public void seekToStep(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative, got " + step);
        }
        send(new SeekStep(step));
    }

    /** Moves {@code steps} steps forward (negative: back) and pauses there. */
    public void step(int steps) {
        send(new StepBy(steps));
    }

    public void setSpeed(double newSpeed) {
        if (!(newSpeed > 0 && newSpeed <= MAX_SPEED)) {
            throw new IllegalArgumentException("playback speed must be in (0, " + MAX_SPEED + "], got " + newSpeed);
        }
        send(new Speed(newSpeed));
    }

    public void setLoop(boolean newLoop) {
        send(new Loop(newLoop));
    }

    /** Jumps to the newest moment of a run still being recorded and stays there as it grows. */
    public void followLive() {
        if (!source.isLive()) {
            throw new IllegalStateException(source.description() + " is not being recorded; there is nothing live to follow");
        }
        send(new FollowLive());
    }

    /** Stops the engine's thread (the source stays open: its owner closes it). */
    @Override
    public void close() {
        commands.add(new Stop());
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Command command) {
        if (!thread.isAlive()) {
            throw new IllegalStateException("the playback engine is closed");
        }
        commands.add(command);
    }

    private void run() {
        lastTick = options.clock().getAsLong();
        refresh(timeNs);
        emit();
        try {
            while (true) {
                boolean moving = state == PlaybackState.PLAYING || state == PlaybackState.FOLLOWING_LIVE;
                Command first = moving ? commands.poll(options.framePeriod().toNanos(), TimeUnit.NANOSECONDS) : commands.take();
                List<Command> batch = new ArrayList<>();
                if (first != null) {
                    batch.add(first);
                    commands.drainTo(batch);
                }
                if (!apply(batch)) {
                    return;
                }
                tick();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Applies queued commands in order, collapsing consecutive seeks to the last one; false on stop. */
    private boolean apply(List<Command> batch) {
        for (int i = 0; i < batch.size(); i++) {
            Command c = batch.get(i);
            boolean superseded = i + 1 < batch.size() && isSeek(c) && isSeek(batch.get(i + 1));
            if (superseded) {
                continue;
            }
            switch (c) {
                case Stop s -> {
                    return false;
                }
                case Play p -> {
                    Optional<TimeRange> range = source.timeRange();
                    if (range.isPresent() && timeNs >= range.get().endNs() && !source.isLive()) {
                        seek(range.get().startNs(), PlaybackState.PLAYING); // play at the end starts over
                    } else {
                        state = PlaybackState.PLAYING;
                        lastTick = options.clock().getAsLong(); // before the snapshot: time runs from here
                        emit();
                    }
                }
                case Pause p -> {
                    state = PlaybackState.IDLE;
                    emit();
                }
                case SeekTime s -> seek(s.timeNs(), resumeState());
                case SeekStep s -> seek(source.timeline().logTimeOf(s.step()), resumeState());
                case StepBy s -> {
                    int target = Math.max(0, source.timeline().stepAt(timeNs) + s.steps());
                    seek(source.timeline().logTimeOf(target), PlaybackState.IDLE);
                }
                case Speed s -> {
                    speed = s.speed();
                    emit();
                }
                case Loop l -> {
                    loop = l.loop();
                    emit();
                }
                case FollowLive f -> {
                    state = PlaybackState.FOLLOWING_LIVE;
                    source.timeRange().ifPresent(r -> refresh(r.endNs()));
                    emit();
                }
            }
        }
        return true;
    }

    private static boolean isSeek(Command c) {
        return c instanceof SeekTime || c instanceof SeekStep;
    }

    /** Playing stays playing after a seek; following live or idle pauses there. */
    private PlaybackState resumeState() {
        return state == PlaybackState.PLAYING ? PlaybackState.PLAYING : PlaybackState.IDLE;
    }

    private void seek(long target, PlaybackState after) {
        state = PlaybackState.SEEKING;
        emit();
        refresh(source.timeRange().map(r -> r.clamp(target)).orElse(target));
        state = problem == null ? after : PlaybackState.IDLE;
        lastTick = options.clock().getAsLong();
        emit();
    }

    /** Advances playing time, follows a live run, and handles the end of the source. */
    private void tick() {
        long now = options.clock().getAsLong();
        long elapsed = now - lastTick;
        lastTick = now;
        Optional<TimeRange> range = source.timeRange();
        if (state == PlaybackState.FOLLOWING_LIVE) {
            if (range.isPresent() && (range.get().endNs() != timeNs || !range.get().equals(shownRange))) {
                refresh(range.get().endNs());
                emit();
            }
            if (!source.isLive()) {
                state = PlaybackState.IDLE;
                emit();
            }
            return;
        }
        if (state != PlaybackState.PLAYING || elapsed <= 0 || range.isEmpty()) {
            return;
        }
        long end = range.get().endNs();
        long next = timeNs + (long) (elapsed * speed);
        if (next >= end) {
            if (loop && !source.isLive()) {
                next = range.get().startNs();
            } else if (source.isLive()) {
                state = PlaybackState.FOLLOWING_LIVE;
                next = end;
            } else {
                next = end;
                state = PlaybackState.IDLE;
            }
        }
        refresh(next);
        emit();
    }

    /** Moves to {@code t} and asks every channel for its latest message there. */
    private void refresh(long t) {
        timeNs = t;
        shownRange = source.timeRange().orElse(null);
        Set<String> topics = new LinkedHashSet<>(options.topics());
        if (topics.isEmpty()) {
            for (ChannelInfo c : source.channels()) {
                topics.add(c.topic());
            }
        }
        try {
            latest = samples.at(source, topics, t);
            problem = null;
        } catch (IOException | UncheckedIOException | McapFormatException e) {
            problem = e.getMessage();
            state = PlaybackState.IDLE;
            latest = Map.of();
            samples.clear();
        }
    }

    private void emit() {
        PlaybackSnapshot snapshot = new PlaybackSnapshot(++version, state, timeNs, source.timeline().stepAt(timeNs),
                shownRange, speed, loop, source.isLive(), latest, source.cacheStats(), problem);
        current = snapshot;
        try {
            listener.onSnapshot(snapshot);
        } catch (RuntimeException e) {
            // A failing view must not stop playback; its next snapshot says what went wrong.
            problem = "the playback listener failed: " + e;
        }
    }
}
