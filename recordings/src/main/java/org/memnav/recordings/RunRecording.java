package org.memnav.recordings;

import org.memnav.recordings.mcap.McapMessage;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.recordings.mcap.McapReaderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A run recording read back into typed records. Config, poses, actions, subtask events and metrics, memory
 * operations and decisions are read eagerly on {@link #open} (they are small); frames and tokens stay in the
 * file and are fetched per step through the chunk index, so opening a long run with frames stays cheap.
 * Works on truncated recordings too (everything in complete chunks); {@link #complete()} tells whether the
 * file was finished properly.
 */
public final class RunRecording implements AutoCloseable {
    private static final Set<String> EAGER_TOPICS = Set.of(RunTopics.CONFIG, RunTopics.POSE, RunTopics.ACTION,
            RunTopics.SUBTASK, RunTopics.SUBTASK_METRICS, RunTopics.MEMORY_OPS, RunTopics.MEMORY_TIERS, RunTopics.DECISION);

    private final McapReader reader;
    private final RunConfig config;
    private final RunTimeline timeline;
    private final RecordingCadence cadence;
    private final RunMessageDecoder decoder;
    private final List<PoseSample> poses;
    private final List<ActionSample> actions;
    private final List<SubtaskEvent> subtaskEvents;
    private final List<SubtaskMetrics> subtaskMetrics;
    private final List<MemoryOperation> memoryOperations;
    private final List<MemoryTiers> memoryTiers;
    private final List<PolicyDecision> decisions;

    private RunRecording(McapReader reader, RunMessageDecoder decoder, Contents c) {
        this.reader = reader;
        this.config = decoder.config();
        this.timeline = decoder.timeline();
        this.cadence = decoder.cadence();
        this.decoder = decoder;
        this.poses = List.copyOf(c.poses);
        this.actions = List.copyOf(c.actions);
        this.subtaskEvents = List.copyOf(c.subtasks);
        this.subtaskMetrics = List.copyOf(c.metrics);
        this.memoryOperations = List.copyOf(c.memory);
        this.memoryTiers = List.copyOf(c.tiers);
        this.decisions = List.copyOf(c.decisions);
    }

    /**
     * Opens and reads a run recording.
     *
     * @throws org.memnav.recordings.mcap.McapFormatException if the file is not valid MCAP
     * @throws IOException if it has no {@code /run/config} message or a message does not match its schema
     */
    public static RunRecording open(Path file) throws IOException {
        return open(file, McapReaderOptions.defaults());
    }

    public static RunRecording open(Path file, McapReaderOptions options) throws IOException {
        McapReader reader = McapReader.open(file, options);
        try {
            RunMessageDecoder decoder = RunMessageDecoder.forRecording(reader);
            return new RunRecording(reader, decoder, read(reader, decoder));
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static final class Contents {
        final List<PoseSample> poses = new ArrayList<>();
        final List<ActionSample> actions = new ArrayList<>();
        final List<SubtaskEvent> subtasks = new ArrayList<>();
        final List<SubtaskMetrics> metrics = new ArrayList<>();
        final List<MemoryOperation> memory = new ArrayList<>();
        final List<MemoryTiers> tiers = new ArrayList<>();
        final List<PolicyDecision> decisions = new ArrayList<>();
    }

    private static Contents read(McapReader reader, RunMessageDecoder decoder) throws IOException {
        Contents c = new Contents();
        Iterator<McapMessage> messages = reader.messages(EAGER_TOPICS).iterator();
        while (hasNext(messages)) {
            McapMessage m = messages.next();
            try {
                switch (m.topic()) {
                    case RunTopics.CONFIG -> {
                    }
                    case RunTopics.POSE -> c.poses.add(decoder.pose(m));
                    case RunTopics.ACTION -> c.actions.add(decoder.action(m));
                    case RunTopics.SUBTASK -> c.subtasks.add(decoder.subtask(m));
                    case RunTopics.SUBTASK_METRICS -> c.metrics.add(decoder.subtaskMetrics(m));
                    case RunTopics.MEMORY_OPS -> c.memory.add(decoder.memoryOperation(m));
                    case RunTopics.MEMORY_TIERS -> c.tiers.add(decoder.memoryTiers(m));
                    case RunTopics.DECISION -> c.decisions.add(decoder.decision(m));
                    default -> throw new IllegalStateException("unexpected topic " + m.topic());
                }
            } catch (IOException e) {
                throw new IOException(reader.file() + ": bad " + m.topic() + " message at log time " + m.logTimeNs()
                        + ": " + e.getMessage(), e);
            }
        }
        return c;
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

    /** How often frames were kept and how tokens were stored. */
    public RecordingCadence cadence() {
        return cadence;
    }

    /** Decodes raw messages of this recording's channels into typed records. */
    public RunMessageDecoder decoder() {
        return decoder;
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

    /** One entry per ended subtask (recordings made before this channel existed have none). */
    public List<SubtaskMetrics> subtaskMetrics() {
        return subtaskMetrics;
    }

    public List<MemoryOperation> memoryOperations() {
        return memoryOperations;
    }

    /** Every recorded state of the memory tiers, in step order (empty for non-tiered runs and older recordings). */
    public List<MemoryTiers> memoryTiers() {
        return memoryTiers;
    }

    public List<PolicyDecision> decisions() {
        return decisions;
    }

    /** True when the file was closed properly; false when it was recovered from a truncated file. */
    public boolean complete() {
        return reader.recoveryReason().isEmpty();
    }

    /** The underlying MCAP reader, for channels, statistics, raw messages and time queries. */
    public McapReader mcap() {
        return reader;
    }

    /** Steps that have an RGB frame, ascending. */
    public List<Integer> rgbSteps() throws IOException {
        return steps(RunTopics.RGB);
    }

    /** Steps that have a depth frame, ascending. */
    public List<Integer> depthSteps() throws IOException {
        return steps(RunTopics.DEPTH);
    }

    /** Steps whose frame went through the encoder (decision frames), ascending. */
    public List<Integer> encoderTokenSteps() throws IOException {
        return steps(RunTopics.ENCODER_TOKENS);
    }

    /** The RGB frame recorded at {@code step}, if any; reads only the chunk holding that step's log time. */
    public Optional<RgbFrame> rgbFrame(int step) throws IOException {
        Optional<McapMessage> m = at(RunTopics.RGB, step);
        return m.isEmpty() ? Optional.empty() : Optional.of(decoder.rgb(m.get()));
    }

    /** The depth frame recorded at {@code step}, if any. */
    public Optional<DepthFrame> depthFrame(int step) throws IOException {
        Optional<McapMessage> m = at(RunTopics.DEPTH, step);
        return m.isEmpty() ? Optional.empty() : Optional.of(decoder.depth(m.get()));
    }

    /** The encoder's patch tokens of the frame seen at {@code step}, if the encoder ran then. */
    public Optional<TokenFrame> encoderTokens(int step) throws IOException {
        Optional<McapMessage> m = at(RunTopics.ENCODER_TOKENS, step);
        return m.isEmpty() ? Optional.empty() : Optional.of(decoder.tokens(m.get()));
    }

    /** The compressed tokens written to memory for the frame seen at {@code step}, if one was written then. */
    public Optional<TokenFrame> compressedTokens(int step) throws IOException {
        Optional<McapMessage> m = at(RunTopics.COMPRESSED_TOKENS, step);
        return m.isEmpty() ? Optional.empty() : Optional.of(decoder.tokens(m.get()));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private Optional<McapMessage> at(String topic, int step) throws IOException {
        long logTime = timeline.logTimeOf(step);
        List<McapMessage> found = reader.range(topic, logTime, logTime);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** From the message indexes alone: no chunk is decompressed for a file that has them. */
    private List<Integer> steps(String topic) throws IOException {
        List<Integer> steps = new ArrayList<>();
        for (long t : reader.logTimes(topic, 0, -1L)) {
            steps.add(timeline.stepAt(t));
        }
        return List.copyOf(steps);
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
