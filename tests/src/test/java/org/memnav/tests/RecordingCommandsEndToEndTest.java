package org.memnav.tests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.cli.CommandOutcome;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.RunRecorderOptions;
import org.memnav.recordings.RunTopics;
import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.McapWriterOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code memnav recording info | repair | compare} as a user types them, on real recordings and on bad input. */
class RecordingCommandsEndToEndTest {
    private static final SyntheticRun.Shape SHAPE = new SyntheticRun.Shape(400, 32, 24, 16, 8, 10, 15, 150, 6, 3);

    @TempDir
    Path dir;


    private static CommandOutcome memnav(String... args) {
        return CommandOutcome.execute(args);
    }

    private Path record(String name, SyntheticRun.Shape shape) throws IOException {
        Path file = dir.resolve(name);
        SyntheticRun run = new SyntheticRun(shape);
        try (RunRecorder recorder = RunRecorder.create(file, run.config(), RunRecorderOptions.defaults().withRgbEvery(10)
                .withDepthEvery(10).withMcap(McapWriterOptions.defaults().withChunkSize(32 * 1024)))) {
            run.recordAll(recorder);
        }
        return file;
    }

    @Test
    void infoRepairAndInfoAgainOnACrashedRecording() throws Exception {
        Path file = record("run.mcap", SHAPE);
        CommandOutcome info = memnav("recording", "info", file.toString(), "--json");
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out().lines().findFirst().orElseThrow()).contains("topic").contains("messages").contains("schema");
        assertThat(info.out()).contains("/observation/depth").contains("foxglove.RawImage").contains("/encoder/tokens")
                .contains("complete (summary and footer present)");
        JsonNode j = info.lastLineJson();
        assertThat(j.get("complete").asBoolean()).isTrue();
        assertThat(j.get("channel_count").asInt()).isEqualTo(RunTopics.ALL.size());
        assertThat(j.get("steps").asInt()).isEqualTo(400);
        assertThat(j.get("chunk_count").asInt()).isGreaterThan(3);
        assertThat(j.get("chunk_compressions").get(0).asText()).isEqualTo("zstd");
        long messages = j.get("message_count").asLong();

        byte[] bytes = Files.readAllBytes(file);
        Path crashed = dir.resolve("crashed.mcap");
        Files.write(crashed, Arrays.copyOf(bytes, bytes.length / 2));
        CommandOutcome before = memnav("recording", "info", crashed.toString(), "--json");
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out()).contains("recovered: ");
        assertThat(before.lastLineJson().get("complete").asBoolean()).isFalse();
        long recovered = before.lastLineJson().get("message_count").asLong();
        assertThat(recovered).isPositive().isLessThan(messages);

        CommandOutcome repair = memnav("recording", "repair", crashed.toString(), "--json");
        assertThat(repair.exit()).as(repair.err()).isZero();
        JsonNode r = repair.lastLineJson();
        assertThat(r.get("already_intact").asBoolean()).isFalse();
        assertThat(r.get("messages").asLong()).isEqualTo(recovered);
        assertThat(r.get("dropped_tail").asText()).endsWith("crashed.mcap.truncated-tail");

        CommandOutcome after = memnav("recording", "info", crashed.toString(), "--json");
        assertThat(after.lastLineJson().get("complete").asBoolean()).isTrue();
        assertThat(after.lastLineJson().get("message_count").asLong()).isEqualTo(recovered);
        CommandOutcome again = memnav("recording", "repair", crashed.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("nothing to repair");
    }

    @Test
    void compareLinesUpSubtasksAndDiffsThem() throws Exception {
        Path a = record("a.mcap", SHAPE);
        Path b = record("b.mcap", new SyntheticRun.Shape(300, 32, 24, 16, 8, 10, 10, 100, 3, 3));
        CommandOutcome cmp = memnav("recording", "compare", a.toString(), b.toString(), "--json");
        assertThat(cmp.exit()).as(cmp.err()).isZero();
        assertThat(cmp.out().lines().findFirst().orElseThrow()).contains("spl_1").contains("writes_2").contains("d_mem_kb_2");
        JsonNode j = cmp.lastLineJson();
        assertThat(j.get("runs")).hasSize(2);
        JsonNode first = j.get("subtasks").get(0);
        assertThat(first.get("runs").get(0).get("writes").asLong()).isEqualTo(10); // decisions at 0, 15, ..., 135
        assertThat(first.get("runs").get(1).get("writes").asLong()).isEqualTo(10); // decisions at 0, 10, ..., 90
        assertThat(first.get("memory_bytes_delta").get(0).asLong()).isEqualTo((3 - 6) * 16 * 8 * 4);
        assertThat(j.get("subtasks")).hasSize(3);
    }

    @Test
    void badInputGetsAOneLineReasonAndEveryCommandHasHelp() throws Exception {
        for (String[] help : List.of(new String[] {"recording", "--help"}, new String[] {"recording", "info", "--help"},
                new String[] {"recording", "repair", "--help"}, new String[] {"recording", "compare", "--help"},
                new String[] {"bench", "recordings", "--help"})) {
            CommandOutcome r = memnav(help);
            assertThat(r.exit()).as(String.join(" ", help)).isZero();
            assertThat(r.out()).contains("Usage: memnav");
        }
        Path text = dir.resolve("notes.mcap");
        Files.writeString(text, "just some notes", StandardCharsets.UTF_8);
        for (String command : List.of("info", "repair")) {
            CommandOutcome r = memnav("recording", command, text.toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err().strip()).startsWith("memnav: ").contains("notes.mcap").contains("not an MCAP file");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        CommandOutcome missing = memnav("recording", "info", dir.resolve("missing.mcap").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err().strip()).isEqualTo("memnav: no such recording: " + dir.resolve("missing.mcap"));
        assertThat(Files.readString(text)).as("a failed repair leaves the file alone").isEqualTo("just some notes");
        CommandOutcome one = memnav("recording", "compare", record("solo.mcap", SHAPE).toString());
        assertThat(one.exit()).isNotZero();
        assertThat(one.err()).contains("RUN.mcap");
    }
}
