package org.memnav.app.cli;

import org.memnav.scenes.layout.SceneFiles;
import org.memnav.scenes.layout.SceneGenerator;
import org.memnav.scenes.layout.SceneKind;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.scenes.sim.SceneSets;
import org.memnav.simbridge.api.AgentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code memnav scene generate}: one procedural scene from a seed, written as scene JSON. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a procedural apartment or office from a seed and write it as a scene JSON file "
                + "(format memnav-scene/1, see scenes/README.md). The same kind and seed always give the same bytes.")
public final class SceneGenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", description = "apartment or office (default: ${DEFAULT-VALUE}).")
    String kind = "apartment";

    @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}). Seeds 900000-999999 are the held-out set.")
    long seed = 0;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Where to write the scene.")
    Path out;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        SceneKind sceneKind = SceneKind.fromWireName(kind);
        if (sceneKind == SceneKind.IMPORTED) {
            throw new IllegalArgumentException("--kind imported: imported scenes come from a .glb file, not from a seed");
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a directory; give a file name such as " + out.resolve(kind + "-" + seed + ".json"));
        }
        double radius = AgentConfig.goatStretch().radiusM();
        long t0 = System.nanoTime();
        SceneLayout layout = new SceneGenerator(radius).generate(sceneKind, seed);
        double ms = (System.nanoTime() - t0) / 1e6;
        new SceneFiles().write(layout, out);
        OccupancyGrid grid = OccupancyGrid.build(layout, radius, 0.05);
        double navigable = grid.navigableCount() * grid.cellSize() * grid.cellSize();
        long categories = layout.objects().stream().map(o -> o.category()).distinct().count();
        boolean heldOut = SceneSets.builtIn().isHeldOut(seed);

        PrintWriter stdout = spec.commandLine().getOut();
        TextTable table = new TextTable("scene", "kind", "seed", "size_m", "rooms", "doors", "windows", "objects", "categories",
                "navigable_m2", "generation_ms");
        table.row(layout.sceneId(), sceneKind.wireName(), seed, String.format(Locale.ROOT, "%.1f x %.1f", layout.width(), layout.depth()),
                layout.rooms().size(), layout.doors().size(), layout.windows().size(), layout.objects().size(), categories,
                String.format(Locale.ROOT, "%.1f", navigable), String.format(Locale.ROOT, "%.1f", ms));
        stdout.print(table.render());
        stdout.printf("%nwrote %s (%d bytes)%s%n", out, Files.size(out),
                heldOut ? "; note: this seed is in the held-out set (evaluation only, never train on it)" : "");
        if (json) {
            new JsonReport().put("scene_id", layout.sceneId()).put("kind", sceneKind.wireName()).put("seed", seed)
                    .put("width_m", layout.width()).put("depth_m", layout.depth()).put("rooms", layout.rooms().size())
                    .put("doors", layout.doors().size()).put("windows", layout.windows().size())
                    .put("objects", layout.objects().size()).put("categories", categories).put("navigable_m2", navigable)
                    .put("generation_ms", ms).put("held_out", heldOut).put("file", out.toString()).printTo(stdout);
        }
        stdout.flush();
        return 0;
    }
}
