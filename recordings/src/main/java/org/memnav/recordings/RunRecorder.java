package org.memnav.recordings;

import org.memnav.recordings.codec.CompressedImageProto;
import org.memnav.recordings.codec.PngEncoder;
import org.memnav.recordings.codec.RawImageProto;
import org.memnav.recordings.mcap.McapLiveView;
import org.memnav.recordings.mcap.McapReaderOptions;
import org.memnav.recordings.mcap.McapWriter;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SubtaskOutcome;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Records one navigation run into an MCAP file (see FORMAT.md): the config once, then per step the pose and
 * the chosen action; subtask start/end events with per-subtask metrics; every Nth step the RGB and depth
 * frames; at decision points the policy's decision, the encoder's patch tokens, the tokens written to memory
 * and every memory operation.
 *
 * <p>Log time of step {@code s} is {@code start + s * 100 ms} ({@link RunTimeline}), where start is the
 * wall-clock time the recorder was created; publish time is the wall-clock time the message was recorded.
 * Completed chunks reach the file as they fill (and on {@link #flush()}), so a crashed run stays readable.
 * Methods are synchronized: the agent loop records while a viewer may open a live view.
 */
public final class RunRecorder implements AutoCloseable {
    private static final String FRAME_ID = "camera";

    private final McapWriter writer;
    private final RunRecorderOptions options;
    private final RunTimeline timeline;
    private final RunConfig config;
    private final RunMessageCodec codec = new RunMessageCodec();
    /** Next sequence number per channel: each channel counts its own messages from 0. */
    private final Map<Integer, Long> sequences = new TreeMap<>();
    /** Message bytes handed to the writer per channel (before chunk compression). */
    private final Map<Integer, Long> payloadBytes = new TreeMap<>();
    /** Token channels are created on first use: their tensor shape goes into the channel metadata. */
    private final Map<String, TokenChannel> tokenChannels = new HashMap<>();
    private final SubtaskTally tally = new SubtaskTally();
    private final int configChannel;
    private final int poseChannel;
    private final int actionChannel;
    private final int subtaskChannel;
    private final int rgbChannel;
    private final int depthChannel;
    private final int memoryChannel;
    private final int tiersChannel;
    private final int decisionChannel;
    private final int metricsChannel;
    private int episodesStarted;
    private String episodeId;

    private record TokenChannel(int id, int tokens, int dim) {
    }

    private RunRecorder(McapWriter writer, RunRecorderOptions options, RunTimeline timeline, RunConfig config) {
        this.writer = writer;
        this.options = options;
        this.timeline = timeline;
        this.config = config;
        this.episodeId = config.episodeId();
        Map<String, String> none = Map.of();
        configChannel = writer.addChannel(jsonSchema(RunSchemas.CONFIG), RunTopics.CONFIG, "json", none);
        poseChannel = writer.addChannel(jsonSchema(RunSchemas.POSE), RunTopics.POSE, "json", none);
        actionChannel = writer.addChannel(jsonSchema(RunSchemas.ACTION), RunTopics.ACTION, "json", none);
        subtaskChannel = writer.addChannel(jsonSchema(RunSchemas.SUBTASK), RunTopics.SUBTASK, "json", none);
        int imageSchema = writer.addSchema(CompressedImageProto.SCHEMA_NAME, CompressedImageProto.SCHEMA_ENCODING,
                CompressedImageProto.fileDescriptorSet());
        rgbChannel = writer.addChannel(imageSchema, RunTopics.RGB, CompressedImageProto.MESSAGE_ENCODING,
                Map.of("memnav.rgbEveryNSteps", Integer.toString(options.rgbEveryNSteps())));
        int rawImageSchema = writer.addSchema(RawImageProto.SCHEMA_NAME, RawImageProto.SCHEMA_ENCODING,
                RawImageProto.fileDescriptorSet());
        depthChannel = writer.addChannel(rawImageSchema, RunTopics.DEPTH, RawImageProto.MESSAGE_ENCODING,
                Map.of("memnav.depthEveryNSteps", Integer.toString(options.depthEveryNSteps()), "memnav.unit", "m"));
        memoryChannel = writer.addChannel(jsonSchema(RunSchemas.MEMORY_OPERATION), RunTopics.MEMORY_OPS, "json", none);
        tiersChannel = writer.addChannel(jsonSchema(RunSchemas.MEMORY_TIERS), RunTopics.MEMORY_TIERS, "json", none);
        decisionChannel = writer.addChannel(jsonSchema(RunSchemas.DECISION), RunTopics.DECISION, "json", none);
        metricsChannel = writer.addChannel(jsonSchema(RunSchemas.SUBTASK_METRICS), RunTopics.SUBTASK_METRICS, "json", none);
    }

    /** Creates {@code file} (replacing it) and records {@code config} at step 0. */
    public static RunRecorder create(Path file, RunConfig config, RunRecorderOptions options) throws IOException {
        RunTimeline timeline = RunTimeline.startingAt(nanos(options.clock().instant()));
        McapWriter writer = McapWriter.open(file, options.mcap().withProfile(RunTopics.PROFILE));
        try {
            RunRecorder recorder = new RunRecorder(writer, options, timeline, config);
            recorder.writeConfig();
            // The config goes to disk in a chunk of its own: a run killed at any later moment still opens as a run.
            writer.flush();
            return recorder;
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    public static RunRecorder create(Path file, RunConfig config) throws IOException {
        return create(file, config, RunRecorderOptions.defaults());
    }

    public Path file() {
        return writer.file();
    }

    public RunTimeline timeline() {
        return timeline;
    }

    public RunConfig config() {
        return config;
    }

    /** Log time of {@code step} on this recording's simulated clock. */
    public long logTimeOf(int step) {
        return timeline.logTimeOf(step);
    }

    /** A reader on this recording while it is being written (see {@link McapLiveView}); the caller closes it. */
    public McapLiveView openLiveView(McapReaderOptions readerOptions) throws IOException {
        return writer.openLiveView(readerOptions);
    }

    /** Records the observation's pose and collision flag, and its RGB and depth frames when this step is due for them. */
    public synchronized void recordObservation(Observation observation) throws IOException {
        recordPose(observation.step(), observation.pose(), observation.collided());
        if (rgbDue(observation.step()) && observation.rgb() != null) {
            recordRgb(observation.step(), observation.rgb());
        }
        if (depthDue(observation.step()) && observation.depth() != null) {
            recordDepth(observation.step(), observation.depth());
        }
    }

    public synchronized void recordPose(int step, Pose pose, boolean collided) throws IOException {
        write(poseChannel, step, codec.encodePose(step, pose, collided));
    }

    public synchronized void recordAction(int step, Action action) throws IOException {
        write(actionChannel, step, codec.encodeAction(step, action));
    }

    /**
     * A new episode of a multi-episode run begins: later subtask events and metrics carry its index and id.
     * Calling it for the first episode too is fine (the first call does not advance the index).
     */
    public synchronized void recordEpisodeStarted(String newEpisodeId) {
        Objects.requireNonNull(newEpisodeId, "episode id");
        episodesStarted++;
        episodeId = newEpisodeId;
    }

    /** Index of the episode being recorded (0 for the first). */
    public synchronized int episodeIndex() {
        return Math.max(0, episodesStarted - 1);
    }

    public synchronized void recordSubtaskStarted(int step, int subtaskIndex, Goal goal) throws IOException {
        tally.restart();
        write(subtaskChannel, step, codec.encodeSubtaskStarted(step, episodeIndex(), episodeId, subtaskIndex, goal));
    }

    /** Records the end event and the subtask's metrics (decisions, memory writes, memory bytes, encoder time). */
    public synchronized void recordSubtaskEnded(int step, SubtaskOutcome outcome) throws IOException {
        write(subtaskChannel, step, codec.encodeSubtaskEnded(step, episodeIndex(), episodeId, outcome));
        write(metricsChannel, step, codec.encodeSubtaskMetrics(tally.finish(step, episodeIndex(), episodeId, outcome)));
    }

    /** Records {@code image} as a PNG frame at {@code step}, whatever the RGB cadence. */
    public synchronized void recordRgb(int step, RgbImage image) throws IOException {
        Objects.requireNonNull(image, "recordRgb needs an image (the observation has no RGB frame)");
        long logTime = timeline.logTimeOf(step);
        byte[] png = PngEncoder.encode(image);
        write(rgbChannel, step, CompressedImageProto.encode(logTime, FRAME_ID, "png", png));
    }

    /** Records {@code depth} as a foxglove.RawImage (32FC1, metres) at {@code step}, whatever the depth cadence. */
    public synchronized void recordDepth(int step, DepthImage depth) throws IOException {
        Objects.requireNonNull(depth, "recordDepth needs a depth image (the observation has no depth frame)");
        ByteBuffer bytes = depth.littleEndianBytes(); // float32 little-endian, as the RawImage stores it
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        write(depthChannel, step, RawImageProto.encode(timeline.logTimeOf(step), FRAME_ID, depth.width(), depth.height(),
                "32FC1", depth.width() * Float.BYTES, raw));
    }

    /** Whether {@link #recordObservation} records the RGB frame of {@code step}. */
    public boolean rgbDue(int step) {
        int every = options.rgbEveryNSteps();
        return every > 0 && step % every == 0;
    }

    /** Whether {@link #recordObservation} records the depth frame of {@code step}. */
    public boolean depthDue(int step) {
        int every = options.depthEveryNSteps();
        return every > 0 && step % every == 0;
    }

    /** The encoder's patch tokens of the frame seen at {@code step}, and how long the encoder took. */
    public synchronized void recordEncoderTokens(int step, TokenTensor tokens, double latencyMs) throws IOException {
        tally.encoder(latencyMs);
        writeTokens(RunTopics.ENCODER_TOKENS, step, tokens);
    }

    /** The compressed tokens stored in memory for the frame seen at {@code step} (rate: config's compression rate). */
    public synchronized void recordCompressedTokens(int step, TokenTensor tokens) throws IOException {
        writeTokens(RunTopics.COMPRESSED_TOKENS, step, tokens);
    }

    public synchronized void recordMemoryOperation(MemoryOperation op) throws IOException {
        tally.memory(op);
        write(memoryChannel, op.step(), codec.encodeMemoryOperation(op));
    }

    /** The memory tiers as they are at {@code tiers.step()} (tiered memory strategies, when they change). */
    public synchronized void recordMemoryTiers(MemoryTiers tiers) throws IOException {
        write(tiersChannel, tiers.step(), codec.encodeMemoryTiers(tiers));
    }

    public synchronized void recordDecision(PolicyDecision decision) throws IOException {
        tally.decision(decision);
        write(decisionChannel, decision.step(), codec.encodeDecision(decision));
    }

    /** Message bytes recorded so far per topic, as encoded (PNG, JSON, raw tensors) but before chunk compression. */
    public synchronized Map<String, Long> payloadBytesByTopic() {
        Map<Integer, String> topics = new HashMap<>();
        topics.put(configChannel, RunTopics.CONFIG);
        topics.put(poseChannel, RunTopics.POSE);
        topics.put(actionChannel, RunTopics.ACTION);
        topics.put(subtaskChannel, RunTopics.SUBTASK);
        topics.put(rgbChannel, RunTopics.RGB);
        topics.put(depthChannel, RunTopics.DEPTH);
        topics.put(memoryChannel, RunTopics.MEMORY_OPS);
        topics.put(tiersChannel, RunTopics.MEMORY_TIERS);
        topics.put(decisionChannel, RunTopics.DECISION);
        topics.put(metricsChannel, RunTopics.SUBTASK_METRICS);
        tokenChannels.forEach((topic, c) -> topics.put(c.id(), topic));
        Map<String, Long> out = new TreeMap<>();
        payloadBytes.forEach((channel, bytes) -> out.put(topics.get(channel), bytes));
        return out;
    }

    /** Pushes everything recorded so far to the file (closing the current chunk early). */
    public synchronized void flush() throws IOException {
        writer.flush();
    }

    /** Finishes the file: last chunk, indexes, summary and footer. */
    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    private void writeTokens(String topic, int step, TokenTensor tokens) throws IOException {
        TokenChannel channel = tokenChannels.get(topic);
        if (channel == null) {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("memnav.dtype", options.tokenDtype().wireName());
            metadata.put("memnav.shape", tokens.tokens() + "," + tokens.dim());
            metadata.put("memnav.layout", "row-major [tokens, dim], little-endian");
            if (topic.equals(RunTopics.COMPRESSED_TOKENS)) {
                metadata.put("memnav.compressionRate", Integer.toString(config.compressionRate()));
            }
            channel = new TokenChannel(writer.addChannel(0, topic, RunTopics.TENSOR_ENCODING, metadata), tokens.tokens(),
                    tokens.dim());
            tokenChannels.put(topic, channel);
        } else if (channel.tokens() != tokens.tokens() || channel.dim() != tokens.dim()) {
            throw new IllegalArgumentException(topic + " holds " + channel.tokens() + "x" + channel.dim()
                    + " tensors; got " + tokens.tokens() + "x" + tokens.dim() + " at step " + step);
        }
        write(channel.id(), step, options.tokenDtype().encode(tokens.values()));
    }

    private void writeConfig() throws IOException {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("seed", Long.toString(config.seed()));
        flat.put("sceneId", config.sceneId());
        flat.put("episodeId", config.episodeId());
        flat.put("goalCount", Integer.toString(config.goals().size()));
        flat.put("executionProvider", config.executionProvider());
        flat.put("memoryLength", Integer.toString(config.memoryLength()));
        flat.put("compressionRate", Integer.toString(config.compressionRate()));
        flat.put("startTimeNs", Long.toString(timeline.startTimeNs()));
        flat.put("stepPeriodNs", Long.toString(timeline.stepPeriodNs()));
        flat.put("rgbEveryNSteps", Integer.toString(options.rgbEveryNSteps()));
        flat.put("depthEveryNSteps", Integer.toString(options.depthEveryNSteps()));
        flat.put("tokenDtype", options.tokenDtype().wireName());
        config.models().forEach((role, model) -> flat.put("model." + role, model));
        config.settings().forEach((key, value) -> flat.put("setting." + key, value));
        writer.writeMetadata(RunTopics.METADATA_NAME, flat);
        write(configChannel, 0, codec.encodeConfig(config, timeline, options.cadence()));
    }

    private void write(int channel, int step, byte[] data) throws IOException {
        long sequence = sequences.merge(channel, 1L, Long::sum) - 1;
        payloadBytes.merge(channel, (long) data.length, Long::sum);
        long publishTime = nanos(options.clock().instant());
        writer.write(channel, sequence & 0xFFFF_FFFFL, timeline.logTimeOf(step), publishTime, data);
    }

    private int jsonSchema(String name) {
        return writer.addSchema(name, RunSchemas.ENCODING, RunSchemas.load(name));
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
