package org.memnav.recordings;

import org.memnav.recordings.codec.CompressedImageProto;
import org.memnav.recordings.mcap.McapMessage;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.recordings.mcap.MessageFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A run recording read back into typed records. Config, poses, actions and subtask events are read
 * eagerly on {@link #open}; RGB frames stay in the file and are fetched per step through the chunk
 * index's time ranges, so opening a long run with frames stays cheap. Works on truncated recordings too
 * (everything in complete chunks); {@link #complete()} tells whether the file was finished properly.
 */
public final class RunRecording implements AutoCloseable {
    private final McapReader reader;
    private final RunConfig config;
    private final RunTimeline timeline;
    private final List<PoseSample> poses;
    private final List<ActionSample> actions;
    private final List<SubtaskEvent> subtaskEvents;
    private List<Integer> rgbSteps;

    private RunRecording(McapReader reader, RunConfig config, RunTimeline timeline, List<PoseSample> poses,
                         List<ActionSample> actions, List<SubtaskEvent> subtaskEvents) {
        this.reader = reader;
        this.config = config;
        this.timeline = timeline;
        this.poses = List.copyOf(poses);
        this.actions = List.copyOf(actions);
        this.subtaskEvents = List.copyOf(subtaskEvents);
    }

    /**
     * Opens and reads a run recording.
     *
     * @throws org.memnav.recordings.mcap.McapFormatException if the file is not valid MCAP
     * @throws IOException if it has no {@code /run/config} message or a message does not match its schema
     */
    public static RunRecording open(Path file) throws IOException {
        McapReader reader = McapReader.open(file);
        try {
            return read(reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static RunRecording read(McapReader reader) throws IOException {
        RunMessageCodec codec = new RunMessageCodec();
        RunMessageCodec.ConfigMessage config = null;
        List<PoseSample> poses = new ArrayList<>();
        List<ActionSample> actions = new ArrayList<>();
        List<SubtaskEvent> subtasks = new ArrayList<>();
        Set<String> topics = Set.of(RunTopics.CONFIG, RunTopics.POSE, RunTopics.ACTION, RunTopics.SUBTASK);
        Iterator<McapMessage> messages = reader.messages(topics).iterator();
        while (hasNext(messages)) {
            McapMessage m = messages.next();
            try {
                switch (m.topic()) {
                    case RunTopics.CONFIG -> {
                        if (config == null) {
                            config = codec.decodeConfig(m.data());
                        }
                    }
                    case RunTopics.POSE -> poses.add(codec.decodePose(m.data(), m.logTimeNs()));
                    case RunTopics.ACTION -> actions.add(codec.decodeAction(m.data(), m.logTimeNs()));
                    case RunTopics.SUBTASK -> subtasks.add(codec.decodeSubtask(m.data(), m.logTimeNs()));
                    default -> throw new IllegalStateException("unexpected topic " + m.topic());
                }
            } catch (IOException e) {
                throw new IOException(reader.file() + ": bad " + m.topic() + " message at log time " + m.logTimeNs()
                        + ": " + e.getMessage(), e);
            }
        }
        if (config == null) {
            throw new IOException(reader.file() + " has no " + RunTopics.CONFIG + " message; it is not a MemNav run "
                    + "recording, or it was cut off before its first chunk was written");
        }
        return new RunRecording(reader, config.config(), config.timeline(), poses, actions, subtasks);
    }

    public Path file() {
        return reader.file();
    }

    public RunConfig config() {
        return config;
    }

    public RunTimeline timeline() {
        return timeline;
    }

    public List<PoseSample> poses() {
        return poses;
    }

    public List<ActionSample> actions() {
        return actions;
    }

    public List<SubtaskEvent> subtaskEvents() {
        return subtaskEvents;
    }

    /** True when the file was closed properly; false when it was recovered from a truncated file. */
    public boolean complete() {
        return reader.recoveryReason().isEmpty();
    }

    /** The underlying MCAP reader, for channels, statistics and raw messages. */
    public McapReader mcap() {
        return reader;
    }

    /** Steps that have an RGB frame, ascending. Reads the RGB channel once, on first call. */
    public synchronized List<Integer> rgbSteps() throws IOException {
        if (rgbSteps == null) {
            List<Integer> steps = new ArrayList<>();
            Iterator<McapMessage> frames = reader.messages(Set.of(RunTopics.RGB)).iterator();
            while (hasNext(frames)) {
                steps.add(timeline.stepAt(frames.next().logTimeNs()));
            }
            rgbSteps = List.copyOf(steps);
        }
        return rgbSteps;
    }

    /** The RGB frame recorded at {@code step}, if any; reads only the chunks covering that step's log time. */
    public Optional<RgbFrame> rgbFrame(int step) throws IOException {
        long logTime = timeline.logTimeOf(step);
        MessageFilter filter = MessageFilter.topics(Set.of(RunTopics.RGB)).withTimeRange(logTime, logTime);
        Iterator<McapMessage> frames = reader.messages(filter).iterator();
        if (!hasNext(frames)) {
            return Optional.empty();
        }
        McapMessage m = frames.next();
        CompressedImageProto.CompressedImage image = CompressedImageProto.decode(m.data());
        return Optional.of(new RgbFrame(step, m.logTimeNs(), image.format(), image.data()));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Surfaces the checked I/O failure that message streams have to wrap. */
    private static boolean hasNext(Iterator<McapMessage> messages) throws IOException {
        try {
            return messages.hasNext();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
