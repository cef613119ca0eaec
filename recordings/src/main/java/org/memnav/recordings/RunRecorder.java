package org.memnav.recordings;

import org.memnav.recordings.codec.CompressedImageProto;
import org.memnav.recordings.codec.PngEncoder;
import org.memnav.recordings.mcap.McapWriter;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SubtaskOutcome;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Records one navigation run into an MCAP file (see FORMAT.md): the config once, then per step the pose,
 * the chosen action, subtask start/end events and, every Nth step, the RGB frame.
 *
 * <p>Log time of step {@code s} is {@code start + s * 100 ms} ({@link RunTimeline}), where start is the
 * wall-clock time the recorder was created; publish time is the wall-clock time the message was recorded.
 * Completed chunks reach the file as they fill (and on {@link #flush()}), so a crashed run stays readable.
 */
public final class RunRecorder implements AutoCloseable {
    private static final String FRAME_ID = "camera";

    private final McapWriter writer;
    private final RunRecorderOptions options;
    private final RunTimeline timeline;
    private final RunMessageCodec codec = new RunMessageCodec();
    /** Next sequence number per channel: each channel counts its own messages from 0. */
    private final Map<Integer, Long> sequences = new TreeMap<>();
    private final int configChannel;
    private final int poseChannel;
    private final int actionChannel;
    private final int subtaskChannel;
    private final int rgbChannel;

    private RunRecorder(McapWriter writer, RunRecorderOptions options, RunTimeline timeline) {
        this.writer = writer;
        this.options = options;
        this.timeline = timeline;
        Map<String, String> none = Map.of();
        configChannel = writer.addChannel(jsonSchema(RunSchemas.CONFIG), RunTopics.CONFIG, "json", none);
        poseChannel = writer.addChannel(jsonSchema(RunSchemas.POSE), RunTopics.POSE, "json", none);
        actionChannel = writer.addChannel(jsonSchema(RunSchemas.ACTION), RunTopics.ACTION, "json", none);
        subtaskChannel = writer.addChannel(jsonSchema(RunSchemas.SUBTASK), RunTopics.SUBTASK, "json", none);
        int imageSchema = writer.addSchema(CompressedImageProto.SCHEMA_NAME, CompressedImageProto.SCHEMA_ENCODING,
                CompressedImageProto.fileDescriptorSet());
        rgbChannel = writer.addChannel(imageSchema, RunTopics.RGB, CompressedImageProto.MESSAGE_ENCODING,
                Map.of("memnav.rgbEveryNSteps", Integer.toString(options.rgbEveryNSteps())));
    }

    /** Creates {@code file} (replacing it) and records {@code config} at step 0. */
    public static RunRecorder create(Path file, RunConfig config, RunRecorderOptions options) throws IOException {
        RunTimeline timeline = RunTimeline.startingAt(nanos(options.clock().instant()));
        McapWriter writer = McapWriter.open(file, options.mcap().withProfile(RunTopics.PROFILE));
        try {
            RunRecorder recorder = new RunRecorder(writer, options, timeline);
            recorder.writeConfig(config);
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

    /** Log time of {@code step} on this recording's simulated clock. */
    public long logTimeOf(int step) {
        return timeline.logTimeOf(step);
    }

    /** Records the observation's pose and collision flag, and its RGB frame when this step is due for one. */
    public void recordObservation(Observation observation) throws IOException {
        recordPose(observation.step(), observation.pose(), observation.collided());
        if (rgbDue(observation.step()) && observation.rgb() != null) {
            recordRgb(observation.step(), observation.rgb());
        }
    }

    public void recordPose(int step, Pose pose, boolean collided) throws IOException {
        write(poseChannel, step, codec.encodePose(step, pose, collided));
    }

    public void recordAction(int step, Action action) throws IOException {
        write(actionChannel, step, codec.encodeAction(step, action));
    }

    public void recordSubtaskStarted(int step, int subtaskIndex, Goal goal) throws IOException {
        write(subtaskChannel, step, codec.encodeSubtaskStarted(step, subtaskIndex, goal));
    }

    public void recordSubtaskEnded(int step, SubtaskOutcome outcome) throws IOException {
        write(subtaskChannel, step, codec.encodeSubtaskEnded(step, outcome));
    }

    /** Records {@code image} as a PNG frame at {@code step}, whatever the RGB cadence. */
    public void recordRgb(int step, RgbImage image) throws IOException {
        Objects.requireNonNull(image, "recordRgb needs an image (the observation has no RGB frame)");
        long logTime = timeline.logTimeOf(step);
        byte[] png = PngEncoder.encode(image);
        write(rgbChannel, step, CompressedImageProto.encode(logTime, FRAME_ID, "png", png));
    }

    /** Whether {@link #recordObservation} records the RGB frame of {@code step}. */
    public boolean rgbDue(int step) {
        int every = options.rgbEveryNSteps();
        return every > 0 && step % every == 0;
    }

    /** Pushes everything recorded so far to the file (closing the current chunk early). */
    public void flush() throws IOException {
        writer.flush();
    }

    /** Finishes the file: last chunk, indexes, summary and footer. */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    private void writeConfig(RunConfig config) throws IOException {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("seed", Long.toString(config.seed()));
        flat.put("sceneId", config.sceneId());
        flat.put("episodeId", config.episodeId());
        flat.put("goalCount", Integer.toString(config.goals().size()));
        flat.put("executionProvider", config.executionProvider());
        flat.put("startTimeNs", Long.toString(timeline.startTimeNs()));
        flat.put("stepPeriodNs", Long.toString(timeline.stepPeriodNs()));
        config.models().forEach((role, model) -> flat.put("model." + role, model));
        config.settings().forEach((key, value) -> flat.put("setting." + key, value));
        writer.writeMetadata(RunTopics.METADATA_NAME, flat);
        write(configChannel, 0, codec.encodeConfig(config, timeline));
    }

    private synchronized void write(int channel, int step, byte[] data) throws IOException {
        long sequence = sequences.merge(channel, 1L, Long::sum) - 1;
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
