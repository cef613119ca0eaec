package org.memnav.tests.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.cli.CommandOutcome;
import org.memnav.app.cli.MemnavCommand;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.client.SimClient;
import org.memnav.simbridge.client.SimEndpoint;
import picocli.CommandLine;

/** {@code memnav serve-sim} and {@code memnav bench bridge} as a user runs them. */
@Timeout(120)
class ServeSimCommandTest {
    private static final Pattern ADDRESS = Pattern.compile("tcp://([0-9.]+):(\\d+)");


    private static CommandOutcome memnav(String... args) {
        return CommandOutcome.execute(args);
    }

    @Test
    void serveSimPrintsItsAddressServesEachClientItsOwnSimulatorAndStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = MemnavCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        Thread serving = Thread.ofPlatform().name("serve-sim-under-test").start(() -> cl.execute("serve-sim", "--port", "0",
                "--scene", "procedural:apartment?seed=7"));
        SimEndpoint endpoint = awaitAddress(out);
        try (SimClient a = SimClient.connect(endpoint.host(), endpoint.port());
             SimClient b = SimClient.connect(endpoint.host(), endpoint.port())) {
            assertThat(a.capabilities().simulator()).isEqualTo("memnav-embedded");
            // The scene is already loaded for every connection: an episode can start right away.
            assertThat(a.newEpisode(new EpisodeRequest(7, 2)).observation().step()).isZero();
            a.step(Action.TURN_LEFT);
            assertThat(b.newEpisode(new EpisodeRequest(7, 2)).observation().step()).as("b has its own simulator").isZero();
            assertThat(a.step(Action.TURN_LEFT).step()).isEqualTo(2);
        }
        serving.interrupt();
        serving.join(20_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(refusesConnections(endpoint)).as("the port is released once serve-sim returns").isTrue();
    }

    /** True once a connection attempt is refused (checked for a few seconds: the listener closes asynchronously). */
    private static boolean refusesConnections(SimEndpoint endpoint) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (SimClient stillServing = SimClient.connect(endpoint.host(), endpoint.port())) {
                stillServing.isConnected();
            } catch (SimException e) {
                if (e.code().equals("connect_failed")) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static SimEndpoint awaitAddress(StringWriter out) throws Exception {
        CompletableFuture<SimEndpoint> found = CompletableFuture.supplyAsync(() -> {
            while (true) {
                Matcher m = ADDRESS.matcher(out.toString());
                if (m.find()) {
                    return new SimEndpoint(m.group(1), Integer.parseInt(m.group(2)));
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        return found.get(60, TimeUnit.SECONDS);
    }

    @Test
    void serveSimRefusesBadSettingsWithOneLine(@TempDir Path dir) {
        assertThat(memnav("serve-sim", "--help").out()).contains("--port").contains("--scene").contains("--bind");
        CommandOutcome missing = memnav("serve-sim", "--port", "0", "--scene", dir.resolve("nowhere.json").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err().strip()).startsWith("memnav: ").contains("nowhere.json");
        assertThat(missing.err().strip().lines()).hasSize(1);
        CommandOutcome port = memnav("serve-sim", "--port", "70000");
        assertThat(port.exit()).isNotZero();
        assertThat(port.err().strip()).isEqualTo("memnav: --port must be 0..65535, got 70000");
        CommandOutcome bind = memnav("serve-sim", "--port", "0", "--bind", "203.0.113.77");
        assertThat(bind.exit()).isNotZero();
        assertThat(bind.err().strip()).startsWith("memnav: could not listen on 203.0.113.77");
    }

    @Test
    void benchBridgePrintsATableAndAJsonLineWithRatiosToRawLoopback() throws Exception {
        CommandOutcome r = memnav("bench", "bridge", "--width", "64", "--height", "48", "--steps", "20", "--warmup", "2",
                "--small-requests", "50", "--python", "--python-exe", System.getProperty(PythonGridWorldProcess.PYTHON_PROPERTY,
                        PythonGridWorldProcess.DEFAULT_PYTHON), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).contains("bridge").contains("raw loopback");
        assertThat(r.out()).contains("step 64x48 rgb+depth").contains("small request").contains("java SimServer")
                .contains("python BridgeServer");
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("frame_bytes").asLong()).isGreaterThan(64 * 48 * 7);
        for (String key : List.of("bridge_mb_per_s", "raw_stream_mb_per_s", "raw_request_response_mb_per_s",
                "ratio_to_raw_stream", "step_rtt_median_ms", "small_request_rtt_median_ms", "raw_ping_rtt_median_ms")) {
            assertThat(summary.get(key).asDouble()).as(key).isPositive();
            assertThat(summary.get("python_" + key).asDouble()).as("python_" + key).isPositive();
        }
        assertThat(summary.has("protocol_overhead_ms")).isTrue();
        CommandOutcome bad = memnav("bench", "bridge", "--steps", "0");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err().strip()).startsWith("memnav: ").contains("0 steps");
    }
}
