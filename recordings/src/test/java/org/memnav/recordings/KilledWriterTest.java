package org.memnav.recordings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.recordings.mcap.McapRepair;
import org.memnav.simbridge.api.Action;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety for real: a separate JVM records a run and is killed (SIGKILL, no shutdown hooks, no close)
 * while writing. Every complete chunk of what it left must read back, as an unbroken prefix of the run with
 * the right content, and {@code McapRepair} must give the file its summary back.
 */
class KilledWriterTest {
    /** A long run with small frames, so the writer is far from finished when it is killed. */
    static final SyntheticRun.Shape SHAPE = new SyntheticRun.Shape(1_000_000, 48, 32, 32, 16, 10, 15, 300, 20, 11);

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesEveryCompleteChunkReadable() throws Exception {
        for (long killAfterBytes : new long[] {700_000, 2_300_000}) {
            Path file = dir.resolve("killed-" + killAfterBytes + ".mcap");
            killWriterAfter(file, killAfterBytes);
            checkRecovered(file);
        }
    }

    private static void killWriterAfter(Path file, long bytes) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), EndlessRecorderMain.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("the writer process started").isEqualTo("recording");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.size(file) < bytes) {
                assertThat(writer.isAlive()).as("the writer is still running").isTrue();
                assertThat(System.nanoTime()).as("the writer reached " + bytes + " bytes in time").isLessThan(deadline);
                Thread.sleep(5);
            }
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(writer.exitValue()).as("killed, not finished").isNotZero();
    }

    private void checkRecovered(Path file) throws IOException {
        SyntheticRun expected = new SyntheticRun(SHAPE);
        int lastPose;
        try (RunRecording run = RunRecording.open(file)) {
            assertThat(run.complete()).isFalse();
            assertThat(run.mcap().recoveryReason()).hasValueSatisfying(r -> assertThat(r).contains("Footer"));
            run.mcap().verify(); // every recovered chunk passes its CRC
            assertThat(run.mcap().messages().count()).isEqualTo(run.mcap().statistics().orElseThrow().messageCount());

            List<PoseSample> poses = run.poses();
            assertThat(poses).hasSizeGreaterThan(200);
            lastPose = poses.get(poses.size() - 1).step();
            for (int i = 0; i < poses.size(); i++) {
                assertThat(poses.get(i).step()).as("an unbroken prefix of steps").isEqualTo(i);
                assertThat(poses.get(i).pose()).isEqualTo(SyntheticRun.pose(SHAPE.seed(), i));
            }
            assertThat(run.actions()).extracting(ActionSample::action)
                    .containsExactlyElementsOf(actions(run.actions().size()));
            List<Integer> rgbSteps = run.rgbSteps();
            assertThat(rgbSteps).isNotEmpty();
            int lastFrame = rgbSteps.get(rgbSteps.size() - 1);
            assertThat(run.rgbFrame(lastFrame).orElseThrow().decode().data()).isEqualTo(expected.rgb(lastFrame).data());
            List<Integer> depthSteps = run.depthSteps(); // the cut may fall between a step's RGB and depth frames
            int lastDepth = depthSteps.get(depthSteps.size() - 1);
            assertThat(lastDepth).isBetween(lastFrame - 10, lastFrame);
            assertThat(run.depthFrame(lastDepth).orElseThrow().metres()).isEqualTo(expected.depth(lastDepth).metres());
            List<PolicyDecision> decisions = run.decisions();
            assertThat(decisions).isNotEmpty();
            for (PolicyDecision d : decisions) {
                assertThat(d).isEqualTo(expected.decision(d.step()));
            }
            List<Integer> tokenSteps = run.encoderTokenSteps();
            int lastTokens = tokenSteps.get(tokenSteps.size() - 1);
            assertThat(run.encoderTokens(lastTokens).orElseThrow().tokens().tokens()).isEqualTo(32);
        }

        McapRepair.Result repaired = McapRepair.repair(file);
        assertThat(repaired.alreadyIntact()).isFalse();
        try (RunRecording run = RunRecording.open(file)) {
            assertThat(run.complete()).isTrue();
            assertThat(run.mcap().summaryUsed()).isTrue();
            assertThat(run.poses()).hasSize(lastPose + 1);
        }
        try (McapReader reader = McapReader.open(file)) {
            reader.verify();
        }
    }

    private static List<Action> actions(int count) {
        List<Action> out = new ArrayList<>();
        for (int step = 1; step <= count; step++) {
            out.add(SyntheticRun.action(step));
        }
        return out;
    }
}
