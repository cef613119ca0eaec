package org.memnav.app.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.cli.MemnavCommand;
import org.memnav.inference.model.ModelLocator;
import org.memnav.recordings.RunRecording;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model that emits NaN mid-run: the run stops with the model and tensor named in one line, exits
 * non-zero, and the recording it was writing is closed and readable.
 */
class BrokenModelRunTest {

    private static final Path SHIPPED = Path.of("..", "inference", "models");
    private static final Path NAN_COMPRESSOR = Path.of("..", "inference", "src", "test", "resources", "fixtures", "nan_compressor");

    @Test
    void nanFromTheCompressorStopsTheRunNamingItAndKeepsTheRecording(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        Files.createDirectories(models);
        for (String name : new String[] {"encoder_vit_tiny", "goal_category", "goal_text", "policy_r16"}) {
            Files.copy(SHIPPED.resolve(name + ".json"), models.resolve(name + ".json"));
            Files.copy(SHIPPED.resolve(name + ".onnx"), models.resolve(name + ".onnx"));
        }
        Files.copy(NAN_COMPRESSOR.resolve("compressor_r16.json"), models.resolve("compressor_r16.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(NAN_COMPRESSOR.resolve("compressor_r16.onnx"), models.resolve("compressor_r16.onnx"), StandardCopyOption.REPLACE_EXISTING);
        Path mcap = dir.resolve("run.mcap");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MemnavCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit;
        System.setProperty(ModelLocator.MODELS_DIR_PROPERTY, models.toString());
        try {
            exit = cl.execute("run", "--headless", "--agent", "astranav", "--seed", "7", "--subtasks", "1", "--rate", "16",
                    "--out", mcap.toString());
        } finally {
            System.clearProperty(ModelLocator.MODELS_DIR_PROPERTY);
        }

        assertThat(exit).isNotZero();
        String reason = err.toString().lines().filter(l -> l.startsWith("memnav: model")).findFirst().orElse(err.toString());
        assertThat(reason).contains("compressor_r16").contains("'tokens'").contains("NaN");
        try (RunRecording recording = RunRecording.open(mcap)) {
            assertThat(recording.complete()).as("the recording was closed with its summary").isTrue();
            assertThat(recording.config().seed()).isEqualTo(7);
        }
    }
}
