package org.memnav.recordings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.McapChannel;
import org.memnav.recordings.mcap.McapMessage;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory-strategy additions: tool and trigger operations with their reasons, and the tiers channel. */
class MemoryStrategyChannelsTest {

    private static final SyntheticRun.Shape SHAPE = new SyntheticRun.Shape(20, 32, 24, 16, 8, 10, 15, 200, 5, 42);

    @TempDir
    Path dir;

    @Test
    void strategyOperationsAndTiersRoundTripAndValidate() throws Exception {
        Path file = dir.resolve("tiers.mcap");
        Pose pose = new Pose(new Vec3(1, 0, 2), 0.5);
        MemoryTiers tiers = new MemoryTiers(7, 1, "chair", pose, new Vec3(3, 0, 4),
                List.of(new MemoryTiers.EpisodicFrame(3, 5, pose)), List.of(new MemoryTiers.EpisodicEvent(6, "subtask 1 starts: chair")),
                List.of(new MemoryTiers.SemanticFact("chair", new Vec3(3, 0, 4), 2, 3, 7)));
        List<MemoryOperation> ops = List.of(
                new MemoryOperation(5, MemoryOperation.Kind.SKIP, 0, 5, 16, 4096, 2, 8192, "no surprise: tv 0.010 <= 0.100"),
                new MemoryOperation(6, MemoryOperation.Kind.ADD, 3, 5, 16, 4096, 3, 12288, "landmark 'chair'"),
                new MemoryOperation(7, MemoryOperation.Kind.TRIGGER, -1, -1, 64, 16384, 3, 12288, "consult 4 long-term frames"),
                new MemoryOperation(7, MemoryOperation.Kind.WRITE, 4, 7, 16, 4096, 4, 16384));
        try (RunRecorder recorder = RunRecorder.create(file, new SyntheticRun(SHAPE).config())) {
            for (MemoryOperation op : ops) {
                recorder.recordMemoryOperation(op);
            }
            recorder.recordMemoryTiers(tiers);
        }
        try (RunRecording run = RunRecording.open(file)) {
            assertThat(run.memoryOperations()).containsExactlyElementsOf(ops);
            assertThat(run.memoryOperations().get(3).detail()).as("no detail written, none read").isEmpty();
            assertThat(run.memoryTiers()).containsExactly(tiers);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        ObjectMapper json = new ObjectMapper();
        try (McapReader reader = McapReader.open(file)) {
            for (String topic : List.of(RunTopics.MEMORY_OPS, RunTopics.MEMORY_TIERS)) {
                McapChannel channel = reader.channel(topic).orElseThrow();
                JsonSchema validator = factory.getSchema(reader.schemas().get(channel.schemaId()).dataAsText());
                for (McapMessage m : reader.messages(List.of(topic)).toList()) {
                    assertThat(validator.validate(json.readTree(m.data()))).as(new String(m.data(), StandardCharsets.UTF_8)).isEmpty();
                }
            }
        }
    }
}
