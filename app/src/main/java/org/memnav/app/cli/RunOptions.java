package org.memnav.app.cli;

import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RunSettings;
import org.memnav.scenes.sim.SceneRef;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command that starts a run shares (picocli mixin): simulator, scene, seed, memory, encoder. */
public final class RunOptions {

    @Option(names = "--sim", paramLabel = "tcp://HOST:PORT",
            description = "Simulator server to drive (default: the embedded simulator, hosted on loopback).")
    String sim;

    @Option(names = "--scene", paramLabel = "REF",
            description = "procedural:apartment?seed=N or a scene .json file (default: ${DEFAULT-VALUE}).")
    String scene = SceneRef.DEFAULT;

    @Option(names = "--seed", description = "Seed of the first episode; episode i uses seed+i (default: ${DEFAULT-VALUE}).")
    long seed = 7;

    @Option(names = "--subtasks", description = "Goals per lifelong episode (default: ${DEFAULT-VALUE}).")
    int subtasks = RunSettings.DEFAULT_SUBTASKS;

    @Option(names = "--memory-length", description = "Frames kept in memory (default: ${DEFAULT-VALUE}).")
    int memoryLength = RunSettings.DEFAULT_MEMORY_LENGTH;

    @Option(names = "--agent", paramLabel = "ARM",
            completionCandidates = EvalCommand.ArmNames.class,
            description = "Agent arm, one of ${COMPLETION-CANDIDATES} (see 'memnav eval --help' for one line each; "
                    + "default: ${DEFAULT-VALUE}).")
    String agent = RunSettings.DEFAULT_AGENT;

    @Option(names = "--rate", description = "Token compression rate of the learned pipeline: 1, 4, 16 or 64 (default: ${DEFAULT-VALUE}).")
    int rate = RunSettings.DEFAULT_RATE;

    @Option(names = "--encoder", paramLabel = "MANIFEST",
            description = "Encoder model manifest (default: the shipped inference/models/encoder_vit_tiny.json).")
    Path encoder;

    RunSettings toSettings(int episodes, Path recording) {
        return new RunSettings(sim, scene, seed, episodes, subtasks, memoryLength,
                encoder == null ? ProjectPaths.defaultEncoderManifest() : encoder, recording, agent, rate);
    }
}
