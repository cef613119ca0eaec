package org.memnav.recordings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.recordings.codec.CompressedImageProto;
import org.memnav.recordings.mcap.McapChannel;
import org.memnav.recordings.mcap.McapMessage;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.recordings.mcap.McapSchema;
import org.memnav.recordings.mcap.McapWriterOptions;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunRecorderTest {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00.123456789Z");
    private static final long START_NS = START.getEpochSecond() * 1_000_000_000L + START.getNano();
    private static final Goal CHAIR = Goal.category("chair");
    private static final Goal LAMP = new Goal(GoalModality.LANGUAGE, "lamp", "the tall lamp next to the sofa", 17);
    private static final RunConfig CONFIG = RunConfig.forEpisode(
                    new EpisodeSpec("ep-7", "procedural:apartment?seed=3", 3, new Pose(Vec3.ORIGIN, 0), List.of(CHAIR, LAMP)),
                    Map.of("encoder", "dinov3-tiny", "policy", "policy-tiny"), "CPU")
            .withSettings(Map.of("writePolicy", "action-surprise", "compressionRate", "16"));

    @TempDir
    Path dir;

    /** What the test recorded, to compare with what comes back. */
    private final List<PoseSample> poses = new ArrayList<>();
    private final List<ActionSample> actions = new ArrayList<>();
    private final List<SubtaskEvent> events = new ArrayList<>();

    @Test
    void everyChannelRoundTrips() throws IOException {
        Path file = dir.resolve("run.mcap");
        RunRecorderOptions options = RunRecorderOptions.defaults().withRgbEvery(10).withClock(InstantSource.fixed(START));
        try (RunRecorder recorder = RunRecorder.create(file, CONFIG, options)) {
            assertThat(recorder.timeline()).isEqualTo(new RunTimeline(START_NS, 100_000_000L));
            recordRun(recorder, 300);
        }

        try (RunRecording run = RunRecording.open(file)) {
            assertThat(run.complete()).isTrue();
            assertThat(run.config()).isEqualTo(CONFIG);
            assertThat(run.timeline()).isEqualTo(new RunTimeline(START_NS, 100_000_000L));
            assertThat(run.poses()).isEqualTo(poses);
            assertThat(run.actions()).isEqualTo(actions);
            assertThat(run.subtaskEvents()).isEqualTo(events);
            assertThat(run.rgbSteps()).isEqualTo(IntStream.iterate(0, s -> s < 300, s -> s + 10).boxed().toList());
            RgbFrame frame = run.rgbFrame(120).orElseThrow();
            assertThat(frame.format()).isEqualTo("png");
            assertThat(frame.logTimeNs()).isEqualTo(START_NS + 120 * 100_000_000L);
            assertThat(frame.decode().data()).isEqualTo(image(120).data());
            assertThat(run.rgbFrame(121)).isEmpty();

            McapReader mcap = run.mcap();
            assertThat(mcap.header().profile()).isEqualTo(RunTopics.PROFILE);
            assertThat(mcap.metadata()).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo(RunTopics.METADATA_NAME);
                assertThat(m.metadata()).containsEntry("episodeId", "ep-7").containsEntry("model.encoder", "dinov3-tiny")
                        .containsEntry("setting.writePolicy", "action-surprise")
                        .containsEntry("startTimeNs", Long.toString(START_NS));
            });
            assertThat(mcap.messages().map(McapMessage::publishTimeNs).distinct().toList()).containsExactly(START_NS);
        }
    }

    @Test
    void channelsUseJsonSchemaAndFoxgloveCompressedImage() throws IOException {
        Path file = dir.resolve("schemas.mcap");
        try (RunRecorder recorder = RunRecorder.create(file, CONFIG,
                RunRecorderOptions.defaults().withRgbEvery(5).withClock(InstantSource.fixed(START)))) {
            recordRun(recorder, 40);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        ObjectMapper json = new ObjectMapper();
        try (McapReader reader = McapReader.open(file)) {
            Map<Integer, McapSchema> schemas = reader.schemas();
            for (String topic : List.of(RunTopics.CONFIG, RunTopics.POSE, RunTopics.ACTION, RunTopics.SUBTASK,
                    RunTopics.SUBTASK_METRICS)) {
                McapChannel channel = reader.channel(topic).orElseThrow();
                McapSchema schema = schemas.get(channel.schemaId());
                assertThat(channel.messageEncoding()).isEqualTo("json");
                assertThat(schema.encoding()).isEqualTo("jsonschema");
                assertThat(schema.name()).startsWith("memnav.");
                JsonSchema validator = factory.getSchema(schema.dataAsText());
                List<McapMessage> messages = reader.messages(List.of(topic)).toList();
                assertThat(messages).as(topic).isNotEmpty();
                for (McapMessage m : messages) {
                    assertThat(validator.validate(json.readTree(m.data()))).as("%s at %d", topic, m.logTimeNs()).isEmpty();
                }
            }
            McapChannel rgb = reader.channel(RunTopics.RGB).orElseThrow();
            assertThat(rgb.messageEncoding()).isEqualTo("protobuf");
            assertThat(schemas.get(rgb.schemaId()).name()).isEqualTo("foxglove.CompressedImage");
            assertThat(schemas.get(rgb.schemaId()).encoding()).isEqualTo("protobuf");
            McapMessage first = reader.messages(List.of(RunTopics.RGB)).findFirst().orElseThrow();
            assertThat(CompressedImageProto.decode(first.data()).timestampNs()).isEqualTo(first.logTimeNs());

            // A schema rejects what it should: an unknown action and an 'ended' event without outcome.
            JsonSchema actionSchema = factory.getSchema(schemas.get(reader.channel(RunTopics.ACTION).orElseThrow().schemaId()).dataAsText());
            assertThat(actionSchema.validate(json.readTree("{\"step\":1,\"action\":\"fly\"}"))).isNotEmpty();
            JsonSchema subtaskSchema = factory.getSchema(schemas.get(reader.channel(RunTopics.SUBTASK).orElseThrow().schemaId()).dataAsText());
            assertThat(subtaskSchema.validate(json.readTree("{\"step\":1,\"event\":\"ended\",\"subtaskIndex\":0,"
                    + "\"goal\":{\"modality\":\"object\",\"category\":\"chair\",\"description\":\"x\",\"instanceId\":-1}}"))).isNotEmpty();
        }
    }

    @Test
    void rgbIsOffByDefault() throws IOException {
        Path file = dir.resolve("no-rgb.mcap");
        try (RunRecorder recorder = RunRecorder.create(file, CONFIG, RunRecorderOptions.defaults().withClock(InstantSource.fixed(START)))) {
            assertThat(recorder.rgbDue(0)).isFalse();
            recordRun(recorder, 20);
        }
        try (RunRecording run = RunRecording.open(file)) {
            assertThat(run.rgbSteps()).isEmpty();
            assertThat(run.poses()).hasSize(20);
        }
    }

    @Test
    void crashedRunKeepsWhatWasFlushed() throws IOException {
        Path live = dir.resolve("live.mcap");
        Path crashed = dir.resolve("crashed.mcap");
        try (RunRecorder recorder = RunRecorder.create(live, CONFIG, RunRecorderOptions.defaults()
                .withClock(InstantSource.fixed(START)).withMcap(McapWriterOptions.defaults().withChunkSize(4096)))) {
            recordRun(recorder, 200);
            recorder.flush();
            recorder.recordPose(200, new Pose(Vec3.ORIGIN, 0), false); // not flushed: lost in the crash
            Files.copy(live, crashed);
        }
        try (RunRecording run = RunRecording.open(crashed)) {
            assertThat(run.complete()).isFalse();
            assertThat(run.config()).isEqualTo(CONFIG);
            assertThat(run.poses()).isEqualTo(poses);
            assertThat(run.subtaskEvents()).isEqualTo(events);
        }
    }

    @Test
    void longRunSpansManyChunks() throws IOException {
        Path file = dir.resolve("long.mcap");
        try (RunRecorder recorder = RunRecorder.create(file, CONFIG, RunRecorderOptions.defaults()
                .withClock(InstantSource.fixed(START)).withMcap(McapWriterOptions.defaults().withChunkSize(64 * 1024)))) {
            recordRun(recorder, 20_000);
        }
        try (RunRecording run = RunRecording.open(file)) {
            assertThat(run.mcap().chunkIndexes()).hasSizeGreaterThan(20);
            assertThat(run.poses()).hasSize(20_000);
            assertThat(run.poses().get(19_999)).isEqualTo(poses.get(19_999));
            assertThat(run.actions()).isEqualTo(actions);
        }
    }

    @Test
    void rejectsBadInput() throws IOException {
        try (RunRecorder recorder = RunRecorder.create(dir.resolve("bad.mcap"), CONFIG,
                RunRecorderOptions.defaults().withClock(InstantSource.fixed(START)))) {
            assertThatThrownBy(() -> recorder.recordAction(-1, Action.STOP)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> recorder.recordPose(1, new Pose(new Vec3(Double.NaN, 0, 0), 0), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        }
        Path notARun = dir.resolve("other.mcap");
        try (var writer = org.memnav.recordings.mcap.McapWriter.open(notARun)) {
            writer.write(writer.addChannel(0, "/x", "x-raw", Map.of()), 0, 1, 1, new byte[] {1});
        }
        assertThatThrownBy(() -> RunRecording.open(notARun)).isInstanceOf(IOException.class)
                .hasMessageContaining("no /run/config message");
    }

    /** Two subtasks: the first ends in success, the second runs out of budget with an unreachable goal. */
    private void recordRun(RunRecorder recorder, int steps) throws IOException {
        int half = steps / 2;
        recordStart(recorder, 0, 0, CHAIR);
        for (int step = 0; step < steps; step++) {
            Pose pose = new Pose(new Vec3(0.25 * step, 0.0, -0.1 * (step % 7)), Pose.wrap(0.5236 * step));
            boolean collided = step % 13 == 5;
            recorder.recordObservation(new Observation(step, pose, collided, image(step), null, null, null));
            poses.add(new PoseSample(step, START_NS + step * 100_000_000L, pose, collided));
            Action action = Action.values()[step % Action.values().length];
            recorder.recordAction(step, action);
            actions.add(new ActionSample(step, START_NS + step * 100_000_000L, action));
            if (step == half) {
                SubtaskOutcome done = new SubtaskOutcome(0, CHAIR, true, 0.83, 7.5, 9.0, half + 1, 0.4, false);
                recorder.recordSubtaskEnded(step, done);
                events.add(new SubtaskEvent.Ended(step, START_NS + step * 100_000_000L, 0, "ep-7", done));
                recordStart(recorder, step, 1, LAMP);
            }
        }
        SubtaskOutcome failed = new SubtaskOutcome(1, LAMP, false, 0.0, Double.POSITIVE_INFINITY, 12.25, steps - half - 1,
                Double.NaN, true);
        recorder.recordSubtaskEnded(steps - 1, failed);
        events.add(new SubtaskEvent.Ended(steps - 1, START_NS + (steps - 1) * 100_000_000L, 0, "ep-7", failed));
    }

    private void recordStart(RunRecorder recorder, int step, int index, Goal goal) throws IOException {
        recorder.recordSubtaskStarted(step, index, goal);
        events.add(new SubtaskEvent.Started(step, START_NS + step * 100_000_000L, 0, "ep-7", index, goal));
    }

    private static RgbImage image(int step) {
        int w = 32;
        int h = 24;
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 3 + step);
        }
        return new RgbImage(w, h, px);
    }
}
