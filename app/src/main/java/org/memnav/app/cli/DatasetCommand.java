package org.memnav.app.cli;

import org.memnav.app.dataset.TrainingDataExporter;
import org.memnav.app.session.ProjectPaths;
import org.memnav.inference.agent.OnnxFrameEncoder;
import org.memnav.inference.goal.SentenceEmbedder;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.PatchEncoder;
import org.memnav.scenes.sim.SceneSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code memnav dataset}: training data for the learned models, from the embedded simulator. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Training data for the learned models (see inference/training/README.md).",
        subcommands = {DatasetCommand.Export.class})
public final class DatasetCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new IllegalArgumentException("choose a subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code memnav dataset export}: frames, labels, frontiers and text embeddings as .npy files. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Drive the embedded simulator over TRAINING scenes (procedural apartments and offices with seeds "
                    + "of the 'train' scene set; held-out seeds are refused) and write frames (RGB 256x256), instance ids, "
                    + "depth, poses, frontier candidates with oracle distances, MiniLM text embeddings and goal pictures "
                    + "as .npy files.")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--first-seed", description = "First training scene seed (default: ${DEFAULT-VALUE}).")
        long firstSeed = 1000;

        @Option(names = "--scenes", description = "Number of consecutive training scenes, kinds alternating (default: ${DEFAULT-VALUE}).")
        int scenes = 40;

        @Option(names = "--kinds", split = ",", description = "Scene kinds to alternate (default: apartment,office).")
        List<String> kinds = List.of("apartment", "office");

        @Option(names = "--episodes-per-scene", description = "Lifelong episodes per scene (default: ${DEFAULT-VALUE}).")
        int episodesPerScene = 1;

        @Option(names = "--subtasks", description = "Goals per episode (default: ${DEFAULT-VALUE}).")
        int subtasks = 6;

        @Option(names = "--frame-stride", description = "Keep every N-th step's frame (default: ${DEFAULT-VALUE}).")
        int frameStride = 4;

        @Option(names = "--episode-seed", description = "Seed of each scene's first episode (default: ${DEFAULT-VALUE}).")
        long episodeSeed = 0;

        @Option(names = "--views-per-scene", description = "Instead of episodes, render this many still views per scene "
                + "(random navigable points looking at objects): many scenes cheaply, for the encoder and goal matching.")
        int viewsPerScene = 0;

        @Option(names = "--encoder", paramLabel = "MANIFEST",
                description = "Encoder the collecting agent runs on its decision frames (default: the shipped one).")
        Path encoder;

        @Option(names = "--out", paramLabel = "DIR", required = true,
                description = "Output folder, e.g. .memnav/dataset/shard0 (git-ignored).")
        Path out;

        @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
        boolean json;

        @Override
        public Integer call() {
            if (scenes < 1 || episodesPerScene < 1 || subtasks < 1 || frameStride < 1) {
                throw new IllegalArgumentException("--scenes, --episodes-per-scene, --subtasks and --frame-stride must be >= 1");
            }
            SceneSets sets = SceneSets.builtIn();
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < scenes; i++) {
                long seed = firstSeed + i;
                sets.requireTrainingSeed(seed);
                refs.add("procedural:" + kinds.get(i % kinds.size()) + "?seed=" + seed);
            }
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter stdout = spec.commandLine().getOut();
            Path manifest = encoder == null ? ProjectPaths.defaultEncoderManifest() : encoder;
            TrainingDataExporter.Summary s;
            try (PatchEncoder patchEncoder = PatchEncoder.open(manifest, new InferenceRuntime())) {
                var exporter = new TrainingDataExporter(new OnnxFrameEncoder(patchEncoder), new SentenceEmbedder());
                s = exporter.export(new TrainingDataExporter.Settings(refs, episodesPerScene, subtasks, frameStride,
                        episodeSeed, out, viewsPerScene), line -> {
                            err.println("memnav: " + line);
                            err.flush();
                        });
            }
            stdout.print(new TextTable("scenes", "episodes", "frames", "frontiers", "descriptions", "goal_images", "wall_s", "folder")
                    .row(s.scenes(), s.episodes(), s.frames(), s.frontiers(), s.descriptions(), s.goalImages(),
                            String.format(java.util.Locale.ROOT, "%.1f", s.wallSeconds()), out)
                    .render());
            if (json) {
                new JsonReport().put("scenes", s.scenes()).put("episodes", s.episodes()).put("frames", s.frames())
                        .put("frontiers", s.frontiers()).put("descriptions", s.descriptions()).put("goal_images", s.goalImages()).put("wall_s", s.wallSeconds())
                        .put("out", out.toString()).printTo(stdout);
            }
            stdout.flush();
            return 0;
        }
    }
}
