package org.memnav.recordings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.McapChannel;
import org.memnav.recordings.mcap.McapMessage;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.recordings.mcap.McapSchema;
import org.memnav.recordings.mcap.McapWriter;
import org.memnav.recordings.mcap.McapWriterOptions;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.SubtaskOutcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every channel of a run recording round-trips: depth, tokens, memory operations, decisions, metrics, episodes. */
class RunChannelsTest {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final SyntheticRun.Shape SHAPE = new SyntheticRun.Shape(600, 32, 24, 16, 8, 10, 15, 200, 5, 42);

    @TempDir
    Path dir;

    private Path file;
    private SyntheticRun run;

    @BeforeEach
    void record() throws IOException {
        file = dir.resolve("run.mcap");
        run = new SyntheticRun(SHAPE);
        try (RunRecorder recorder = RunRecorder.create(file, run.config(), RunRecorderOptions.defaults()
                .withRgbEvery(10).withDepthEvery(10).withClock(InstantSource.fixed(START))
                .withMcap(McapWriterOptions.defaults().withChunkSize(32 * 1024)))) {
            run.recordAll(recorder);
        }
    }

    @Test
    void framesAndTokensRoundTrip() throws IOException {
        SyntheticRun fresh = new SyntheticRun(SHAPE);
        try (RunRecording rec = RunRecording.open(file)) {
            assertThat(rec.cadence()).isEqualTo(new RecordingCadence(10, 10, TensorDtype.FLOAT16));
            assertThat(rec.config().memoryLength()).isEqualTo(5);
            assertThat(rec.depthSteps()).isEqualTo(IntStream.iterate(0, s -> s < 600, s -> s + 10).boxed().toList());
            DepthImage expected = fresh.depth(250);
            DepthFrame depth = rec.depthFrame(250).orElseThrow();
            assertThat(depth.width()).isEqualTo(32);
            assertThat(depth.metres()).isEqualTo(expected.metres()); // float32: exact
            assertThat(rec.depthFrame(251)).isEmpty();
            assertThat(rec.rgbFrame(250).orElseThrow().decode().data()).isEqualTo(fresh.rgb(250).data());

            assertThat(rec.encoderTokenSteps()).isEqualTo(IntStream.iterate(0, s -> s < 600, s -> s + 15).boxed().toList());
            TokenFrame tokens = rec.encoderTokens(45).orElseThrow();
            assertThat(tokens.dtype()).isEqualTo(TensorDtype.FLOAT16);
            float[] want = fresh.tokens(45).values();
            float[] got = tokens.tokens().values();
            assertThat(got).hasSize(16 * 8);
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).isCloseTo(want[i], within(Math.abs(want[i]) / 1000 + 1e-4f)); // float16 rounding
                assertThat(got[i]).isEqualTo(Float.float16ToFloat(Float.floatToFloat16(want[i])));
            }
            assertThat(rec.compressedTokens(45).orElseThrow().tokens()).isEqualTo(tokens.tokens());
            assertThat(rec.encoderTokens(46)).isEmpty();
            McapChannel channel = rec.mcap().channel(RunTopics.COMPRESSED_TOKENS).orElseThrow();
            assertThat(channel.schemaId()).isZero();
            assertThat(channel.messageEncoding()).isEqualTo(RunTopics.TENSOR_ENCODING);
            assertThat(channel.metadata()).containsEntry("memnav.dtype", "float16").containsEntry("memnav.shape", "16,8")
                    .containsEntry("memnav.compressionRate", "1");
        }
    }

    @Test
    void float32TokensAreExact() throws IOException {
        Path exact = dir.resolve("exact.mcap");
        SyntheticRun r = new SyntheticRun(SHAPE);
        try (RunRecorder recorder = RunRecorder.create(exact, r.config(), RunRecorderOptions.defaults()
                .withTokenDtype(TensorDtype.FLOAT32))) {
            for (int step = 0; step < 40; step++) {
                r.record(recorder, step);
            }
        }
        try (RunRecording rec = RunRecording.open(exact)) {
            assertThat(rec.encoderTokens(30).orElseThrow().tokens()).isEqualTo(new SyntheticRun(SHAPE).tokens(30));
            assertThat(rec.mcap().channel(RunTopics.ENCODER_TOKENS).orElseThrow().metadata()).containsEntry("memnav.dtype", "float32");
        }
    }

    @Test
    void memoryOperationsDecisionsAndMetricsRoundTrip() throws IOException {
        SyntheticRun fresh = new SyntheticRun(SHAPE);
        try (RunRecording rec = RunRecording.open(file)) {
            List<MemoryOperation> ops = rec.memoryOperations();
            long writes = ops.stream().filter(o -> o.kind() == MemoryOperation.Kind.WRITE).count();
            long evictions = ops.stream().filter(o -> o.kind() == MemoryOperation.Kind.EVICT).count();
            assertThat(writes).isEqualTo(40); // a decision every 15 of 600 steps
            assertThat(evictions).isEqualTo(35); // memory of 5 frames
            MemoryOperation firstEviction = ops.stream().filter(o -> o.kind() == MemoryOperation.Kind.EVICT).findFirst().orElseThrow();
            assertThat(firstEviction).isEqualTo(new MemoryOperation(75, MemoryOperation.Kind.EVICT, 1, 0, 16, 512, 4, 4 * 512));
            assertThat(ops).allSatisfy(o -> assertThat(o.memoryFrames()).isLessThanOrEqualTo(5));

            assertThat(rec.decisions()).hasSize(40);
            assertThat(rec.decisions().get(3)).isEqualTo(fresh.decision(45));
            assertThat(rec.decisions().get(3).mode()).isEqualTo(PolicyDecision.Mode.MEMORY_GUIDED);

            List<SubtaskMetrics> metrics = rec.subtaskMetrics();
            assertThat(metrics).hasSize(3);
            SubtaskMetrics second = metrics.get(1);
            assertThat(second.subtaskIndex()).isEqualTo(1);
            assertThat(second.step()).isEqualTo(399);
            assertThat(second.writes()).as("decisions at 210, 225, ... 390").isEqualTo(13);
            assertThat(second.decisions()).isEqualTo(13);
            assertThat(second.evictions()).isEqualTo(13);
            assertThat(second.memoryFrames()).isEqualTo(5);
            assertThat(second.memoryBytes()).isEqualTo(5 * 512);
            assertThat(second.peakMemoryBytes()).isEqualTo(5 * 512);
            assertThat(second.encoderRuns()).isEqualTo(13);
            assertThat(second.encoderMsMean()).isEqualTo(8.5);
            SubtaskOutcome outcome = fresh.outcome(1, 399);
            assertThat(second.spl()).isEqualTo(outcome.spl());
            assertThat(second.episodeId()).isEqualTo("synthetic-42");
            assertThat(metrics.get(0).writes()).isEqualTo(14); // 0, 15, ..., 195
        }
    }

    @Test
    void everyJsonChannelValidatesAgainstItsSchemaAndDepthParsesWithProtobuf() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        ObjectMapper json = new ObjectMapper();
        try (McapReader reader = McapReader.open(file)) {
            Map<Integer, McapSchema> schemas = reader.schemas();
            for (String topic : List.of(RunTopics.CONFIG, RunTopics.POSE, RunTopics.ACTION, RunTopics.SUBTASK,
                    RunTopics.MEMORY_OPS, RunTopics.DECISION, RunTopics.SUBTASK_METRICS)) {
                McapChannel channel = reader.channel(topic).orElseThrow();
                McapSchema schema = schemas.get(channel.schemaId());
                assertThat(schema.encoding()).isEqualTo("jsonschema");
                JsonSchema validator = factory.getSchema(schema.dataAsText());
                List<McapMessage> messages = reader.messages(List.of(topic)).toList();
                assertThat(messages).as(topic).isNotEmpty();
                for (McapMessage m : messages) {
                    assertThat(validator.validate(json.readTree(m.data()))).as("%s at %d", topic, m.logTimeNs()).isEmpty();
                }
            }
            McapChannel depth = reader.channel(RunTopics.DEPTH).orElseThrow();
            McapSchema depthSchema = schemas.get(depth.schemaId());
            assertThat(depthSchema.name()).isEqualTo("foxglove.RawImage");
            DescriptorProtos.FileDescriptorSet set = DescriptorProtos.FileDescriptorSet.parseFrom(depthSchema.data());
            Descriptors.FileDescriptor timestamp = Descriptors.FileDescriptor.buildFrom(set.getFile(0), new Descriptors.FileDescriptor[0]);
            Descriptors.Descriptor rawImage = Descriptors.FileDescriptor.buildFrom(set.getFile(1),
                    new Descriptors.FileDescriptor[] {timestamp}).findMessageTypeByName("RawImage");
            McapMessage first = reader.messages(List.of(RunTopics.DEPTH)).findFirst().orElseThrow();
            DynamicMessage parsed = DynamicMessage.parseFrom(rawImage, first.data());
            assertThat(parsed.getField(rawImage.findFieldByName("encoding"))).isEqualTo("32FC1");
            assertThat(parsed.getField(rawImage.findFieldByName("width"))).isEqualTo(32);
            assertThat(parsed.getField(rawImage.findFieldByName("height"))).isEqualTo(24);
            assertThat(parsed.getField(rawImage.findFieldByName("step"))).isEqualTo(32 * 4);
            assertThat(rawImage.findFieldByName("frame_id").getNumber()).isEqualTo(7);
        }
    }

    @Test
    void episodesOfAMultiEpisodeRunAreNumbered() throws IOException {
        Path multi = dir.resolve("multi.mcap");
        Goal chair = Goal.category("chair");
        try (RunRecorder recorder = RunRecorder.create(multi, new SyntheticRun(SHAPE).config())) {
            recorder.recordEpisodeStarted("ep-a");
            recorder.recordSubtaskStarted(0, 0, chair);
            recorder.recordSubtaskEnded(5, new SubtaskOutcome(0, chair, true, 1, 1, 1, 5, 0, false));
            recorder.recordEpisodeStarted("ep-b");
            recorder.recordSubtaskStarted(6, 0, chair);
            recorder.recordSubtaskEnded(9, new SubtaskOutcome(0, chair, false, 0, 1, 1, 3, 2, true));
        }
        try (RunRecording rec = RunRecording.open(multi)) {
            assertThat(rec.subtaskEvents()).extracting(SubtaskEvent::episodeIndex).containsExactly(0, 0, 1, 1);
            assertThat(rec.subtaskEvents()).extracting(SubtaskEvent::episodeId).containsExactly("ep-a", "ep-a", "ep-b", "ep-b");
            assertThat(rec.subtaskMetrics()).extracting(SubtaskMetrics::episodeIndex).containsExactly(0, 1);
        }
    }

    @Test
    void recordingsWithoutTheNewFieldsStillRead() throws IOException {
        // A recording as the walking skeleton wrote it: no memory length, cadence or episode fields.
        Path old = dir.resolve("skeleton.mcap");
        try (McapWriter w = McapWriter.open(old)) {
            int config = w.addChannel(0, RunTopics.CONFIG, "json", Map.of());
            int subtask = w.addChannel(0, RunTopics.SUBTASK, "json", Map.of());
            w.write(config, 0, 1_000, 1_000, ("{\"seed\":3,\"sceneId\":\"s\",\"episodeId\":\"ep-old\",\"goals\":[],"
                    + "\"models\":{},\"executionProvider\":\"CPU\",\"settings\":{},\"startTimeNs\":1000,\"stepPeriodNs\":100}")
                    .getBytes(StandardCharsets.UTF_8));
            w.write(subtask, 0, 1_000, 1_000, ("{\"step\":0,\"event\":\"started\",\"subtaskIndex\":0,\"goal\":{\"modality\":\"object\","
                    + "\"category\":\"chair\",\"description\":\"find a chair\",\"instanceId\":-1}}").getBytes(StandardCharsets.UTF_8));
        }
        try (RunRecording rec = RunRecording.open(old)) {
            assertThat(rec.config().memoryLength()).isZero();
            assertThat(rec.config().compressionRate()).isEqualTo(1);
            assertThat(rec.cadence()).isEqualTo(new RecordingCadence(0, 0, TensorDtype.FLOAT16));
            assertThat(rec.subtaskEvents()).singleElement().satisfies(e -> {
                assertThat(e.episodeIndex()).isZero();
                assertThat(e.episodeId()).isEqualTo("ep-old");
            });
            assertThat(rec.subtaskMetrics()).isEmpty();
        }
    }

    @Test
    void aTokenChannelKeepsOneShape() throws IOException {
        try (RunRecorder recorder = RunRecorder.create(dir.resolve("shape.mcap"), new SyntheticRun(SHAPE).config())) {
            recorder.recordEncoderTokens(0, new TokenTensor(4, 2, new float[8]), 1);
            assertThatThrownBy(() -> recorder.recordEncoderTokens(1, new TokenTensor(2, 4, new float[8]), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x2").hasMessageContaining("2x4");
        }
    }
}
