package org.memnav.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.RunRecorderOptions;
import org.memnav.recordings.RunTopics;
import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.ChunkCompression;
import org.memnav.recordings.mcap.McapChannel;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.recordings.mcap.McapRepair;
import org.memnav.recordings.mcap.McapSchema;
import org.memnav.recordings.mcap.McapStatistics;
import org.memnav.recordings.mcap.McapWriterOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Our recordings read by the official MCAP implementation: npm {@code @mcap/core} 2.2.2 (installed into
 * {@code target/mcap-core} through the npm registry, or its local cache) reads every file with its indexed
 * reader and its CRC-checking stream reader, and must find exactly the schemas, channels and message counts
 * our reader finds. Needs Node.js and npm; without them the test fails and says so (it is never skipped).
 */
class McapCoreConformanceTest {
    private static final String MCAP_CORE = "2.2.2";
    private static final String FZSTD = "0.1.1";
    private static final Path WORK = Path.of("target", "mcap-core").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path script;

    @BeforeAll
    static void installMcapCore() throws Exception {
        Files.createDirectories(WORK);
        Path installed = WORK.resolve("node_modules/@mcap/core/package.json");
        boolean ready = Files.exists(installed) && JSON.readTree(installed.toFile()).path("version").asText().equals(MCAP_CORE)
                && Files.exists(WORK.resolve("node_modules/fzstd/package.json"));
        if (!ready) {
            run(List.of("npm", "install", "--prefix", WORK.toString(), "--no-audit", "--no-fund", "--prefer-offline",
                    "@mcap/core@" + MCAP_CORE, "fzstd@" + FZSTD), 300);
        }
        script = WORK.resolve("read-mcap.mjs");
        try (InputStream in = McapCoreConformanceTest.class.getResourceAsStream("/conformance/read-mcap.mjs")) {
            assertThat(in).as("read-mcap.mjs on the test class path").isNotNull();
            Files.write(script, in.readAllBytes());
        }
    }

    @Test
    void theOfficialReaderFindsWhatOursFinds() throws Exception {
        Path dir = Files.createDirectories(WORK.resolve("recordings"));
        List<Path> files = new ArrayList<>();

        // A run with every channel: config, pose, action, subtasks and metrics, RGB, depth, tokens, memory, decisions.
        SyntheticRun.Shape shape = new SyntheticRun.Shape(400, 48, 32, 32, 16, 10, 15, 150, 6, 5);
        Path full = dir.resolve("all-channels.mcap");
        SyntheticRun run = new SyntheticRun(shape);
        try (RunRecorder recorder = RunRecorder.create(full, run.config(), RunRecorderOptions.defaults().withRgbEvery(10)
                .withDepthEvery(10).withMcap(McapWriterOptions.defaults().withChunkSize(64 * 1024)))) {
            run.recordAll(recorder);
        }
        files.add(full);

        // The same run with uncompressed chunks.
        Path plain = dir.resolve("uncompressed.mcap");
        run = new SyntheticRun(shape);
        try (RunRecorder recorder = RunRecorder.create(plain, run.config(), RunRecorderOptions.defaults().withRgbEvery(10)
                .withMcap(McapWriterOptions.defaults().withChunkSize(32 * 1024).withCompression(ChunkCompression.NONE)))) {
            run.recordAll(recorder);
        }
        files.add(plain);

        // A crashed run (cut inside a chunk) after `memnav recording repair`.
        byte[] bytes = Files.readAllBytes(full);
        Path repaired = dir.resolve("crashed-then-repaired.mcap");
        Files.write(repaired, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertThat(McapRepair.repair(repaired).alreadyIntact()).isFalse();
        files.add(repaired);

        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        files.forEach(f -> command.add(f.toString()));
        String output = run(command, 120);
        List<JsonNode> results = new ArrayList<>();
        for (String line : output.strip().split("\n")) {
            results.add(JSON.readTree(line));
        }
        assertThat(results).hasSize(files.size());
        for (int i = 0; i < files.size(); i++) {
            compare(files.get(i), results.get(i));
        }
    }

    private static void compare(Path file, JsonNode theirs) throws IOException {
        JsonNode indexed = theirs.get("indexed");
        try (McapReader ours = McapReader.open(file)) {
            String what = file.getFileName().toString();
            assertThat(ours.summaryUsed()).as(what).isTrue();
            assertThat(indexed.get("profile").asText()).as(what).isEqualTo(ours.header().profile()).isEqualTo(RunTopics.PROFILE);
            assertThat(indexed.get("library").asText()).as(what).isEqualTo(ours.header().library());

            List<String> theirSchemas = new ArrayList<>();
            indexed.get("schemas").forEach(s -> theirSchemas.add(s.get("id").asInt() + " " + s.get("name").asText() + " "
                    + s.get("encoding").asText() + " " + s.get("dataBytes").asInt()));
            List<String> ourSchemas = new ArrayList<>();
            for (McapSchema s : ours.schemas().values()) {
                ourSchemas.add(s.id() + " " + s.name() + " " + s.encoding() + " " + s.data().length);
            }
            assertThat(theirSchemas).as(what + " schemas").containsExactlyElementsOf(ourSchemas).hasSizeGreaterThanOrEqualTo(8);

            List<String> theirChannels = new ArrayList<>();
            indexed.get("channels").forEach(c -> theirChannels.add(c.get("id").asInt() + " " + c.get("topic").asText() + " "
                    + c.get("messageEncoding").asText() + " " + c.get("schemaId").asInt() + " " + c.get("metadata")));
            List<String> ourChannels = new ArrayList<>();
            for (McapChannel c : ours.channels().values()) {
                ourChannels.add(c.id() + " " + c.topic() + " " + c.messageEncoding() + " " + c.schemaId() + " "
                        + JSON.valueToTree(new TreeMap<>(c.metadata())));
            }
            assertThat(theirChannels).as(what + " channels").containsExactlyElementsOf(ourChannels);

            McapStatistics stats = ours.statistics().orElseThrow();
            Map<String, Long> ourCounts = new HashMap<>();
            ours.messages().forEach(m -> ourCounts.merge(Integer.toString(m.channelId()), 1L, Long::sum));
            assertThat(ourCounts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(stats.messageCount());
            for (String reader : List.of("indexed", "streamed")) {
                JsonNode result = theirs.get(reader);
                assertThat(result.get("messages").asLong()).as(what + " " + reader + " message count").isEqualTo(stats.messageCount());
                Map<String, Long> counts = new HashMap<>();
                result.get("messagesPerChannel").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
                assertThat(counts).as(what + " " + reader + " messages per channel").isEqualTo(ourCounts);
            }
            JsonNode theirStats = indexed.get("statistics");
            assertThat(theirStats.get("messageCount").asLong()).isEqualTo(stats.messageCount());
            assertThat(theirStats.get("chunkCount").asInt()).isEqualTo(ours.chunkIndexes().size());
            assertThat(indexed.get("chunkIndexes").asInt()).isEqualTo(ours.chunkIndexes().size());
            assertThat(indexed.get("firstLogTime").asText()).isEqualTo(Long.toString(stats.messageStartTimeNs()));
            assertThat(indexed.get("lastLogTime").asText()).isEqualTo(Long.toString(stats.messageEndTimeNs()));
            if (what.equals("all-channels.mcap")) {
                assertThat(ourCounts).as(what + ": every run channel has messages").hasSize(ours.channels().size())
                        .hasSize(RunTopics.ALL.size());
            }
        }
    }

    /** Runs a command, returning its stdout; fails with a clear message if the tool is missing or fails. */
    private static String run(List<String> command, int timeoutSeconds) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(WORK.toFile()).redirectOutput(WORK.resolve("stdout.txt").toFile())
                    .redirectError(WORK.resolve("stderr.txt").toFile()).start();
        } catch (IOException e) {
            fail("the @mcap/core conformance test needs Node.js 18+ and npm on the PATH (Debian: apt-get install -y nodejs "
                    + "npm); could not start '" + command.get(0) + "': " + e.getMessage());
            return "";
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("'" + String.join(" ", command) + "' did not finish within " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            fail("'" + String.join(" ", command) + "' failed with exit code " + p.exitValue() + ":\n"
                    + Files.readString(WORK.resolve("stderr.txt")));
        }
        return Files.readString(WORK.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }
}
