package org.memnav.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.cli.MemnavCommand;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.RunRecorderOptions;
import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.McapWriterOptions;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    private record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            List<String> lines = out.lines().toList();
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }
    }

    private static Result memnav(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MemnavCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
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
        Result info = memnav("recording", "info", file.toString(), "--json");
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out().lines().findFirst().orElseThrow()).contains("topic").contains("messages").contains("schema");
        assertThat(info.out()).contains("/observation/depth").contains("foxglove.RawImage").contains("/encoder/tokens")
                .contains("complete (summary and footer present)");
        JsonNode j = info.json();
        assertThat(j.get("complete").asBoolean()).isTrue();
        assertThat(j.get("channel_count").asInt()).isEqualTo(11);
        assertThat(j.get("steps").asInt()).isEqualTo(400);
        assertThat(j.get("chunk_count").asInt()).isGreaterThan(3);
        assertThat(j.get("chunk_compressions").get(0).asText()).isEqualTo("zstd");
        long messages = j.get("message_count").asLong();

        byte[] bytes = Files.readAllBytes(file);
        Path crashed = dir.resolve("crashed.mcap");
        Files.write(crashed, Arrays.copyOf(bytes, bytes.length / 2));
        Result before = memnav("recording", "info", crashed.toString(), "--json");
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out()).contains("recovered: ");
        assertThat(before.json().get("complete").asBoolean()).isFalse();
        long recovered = before.json().get("message_count").asLong();
        assertThat(recovered).isPositive().isLessThan(messages);

        Result repair = memnav("recording", "repair", crashed.toString(), "--json");
        assertThat(repair.exit()).as(repair.err()).isZero();
        JsonNode r = repair.json();
        assertThat(r.get("already_intact").asBoolean()).isFalse();
        assertThat(r.get("messages").asLong()).isEqualTo(recovered);
        assertThat(r.get("dropped_tail").asText()).endsWith("crashed.mcap.truncated-tail");

        Result after = memnav("recording", "info", crashed.toString(), "--json");
        assertThat(after.json().get("complete").asBoolean()).isTrue();
        assertThat(after.json().get("message_count").asLong()).isEqualTo(recovered);
        Result again = memnav("recording", "repair", crashed.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("nothing to repair");
    }

    @Test
    void compareLinesUpSubtasksAndDiffsThem() throws Exception {
        Path a = record("a.mcap", SHAPE);
        Path b = record("b.mcap", new SyntheticRun.Shape(300, 32, 24, 16, 8, 10, 10, 100, 3, 3));
        Result cmp = memnav("recording", "compare", a.toString(), b.toString(), "--json");
        assertThat(cmp.exit()).as(cmp.err()).isZero();
        assertThat(cmp.out().lines().findFirst().orElseThrow()).contains("spl_1").contains("writes_2").contains("d_mem_kb_2");
        JsonNode j = cmp.json();
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
            Result r = memnav(help);
            assertThat(r.exit()).as(String.join(" ", help)).isZero();
            assertThat(r.out()).contains("Usage: memnav");
        }
        Path text = dir.resolve("notes.mcap");
        Files.writeString(text, "just some notes", StandardCharsets.UTF_8);
        for (String command : List.of("info", "repair")) {
            Result r = memnav("recording", command, text.toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err().strip()).startsWith("memnav: ").contains("notes.mcap").contains("not an MCAP file");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        Result missing = memnav("recording", "info", dir.resolve("missing.mcap").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err().strip()).isEqualTo("memnav: no such recording: " + dir.resolve("missing.mcap"));
        assertThat(Files.readString(text)).as("a failed repair leaves the file alone").isEqualTo("just some notes");
        Result one = memnav("recording", "compare", record("solo.mcap", SHAPE).toString());
        assertThat(one.exit()).isNotZero();
        assertThat(one.err()).contains("RUN.mcap");
    }
}
