package org.memnav.app.cli;

import org.memnav.renderers.gl.SensorFrame;
import org.memnav.renderers.map.ArgbImage;
import org.memnav.renderers.map.MapMarker;
import org.memnav.renderers.map.NavigabilityGrid;
import org.memnav.renderers.map.TopDownMapLayers;
import org.memnav.renderers.map.TopDownMapRenderer;
import org.memnav.renderers.map.AgentMarker;
import org.memnav.scenes.episode.LifelongEpisodeGenerator.Subtask;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.scenes.sim.SimulatorOptions;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code memnav scene preview}: PNGs of what the sensors see at an episode's start (RGB, depth,
 * instance ids, four headings), the episode's goal pictures and a top-down map, to look at a
 * scene before running on it.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Write PNGs of a scene: the sensors (rgb, depth, semantic) at an episode's start pose in four "
                + "directions, the episode's image-goal pictures and a top-down map; print the episode's goals.")
public final class ScenePreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scene", description = "procedural:apartment?seed=N, procedural:office?seed=N, scene-set:SET/SCENE "
            + "or a scene .json file (default: ${DEFAULT-VALUE}).")
    String scene = "procedural:apartment?seed=7";

    @Option(names = "--episode-seed", description = "Seed of the episode whose start and goals are shown (default: ${DEFAULT-VALUE}).")
    long episodeSeed = 1;

    @Option(names = "--subtasks", description = "Goals in the episode (default: ${DEFAULT-VALUE}).")
    int subtasks = 8;

    @Option(names = "--goat", description = "Use GOAT-Bench's 360x640 camera with a 42 degree field of view instead of 256x256, 90 degrees.")
    boolean goat;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the PNGs (created if needed).")
    Path out;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; give a directory");
        }
        Files.createDirectories(out);
        List<String> files = new ArrayList<>();
        List<Map<String, Object>> goals = new ArrayList<>();
        TextTable table = new TextTable("subtask", "modality", "goal", "instance", "revisit");
        String sceneId;
        Pose start;
        try (EmbeddedSimulator sim = new EmbeddedSimulator(goat ? SimulatorOptions.goatParity() : SimulatorOptions.defaults())) {
            sceneId = sim.loadScene(scene).sceneId();
            EpisodeSpec episode = sim.newEpisode(new EpisodeRequest(episodeSeed, subtasks)).spec();
            start = episode.start();
            for (int k = 0; k < 4; k++) {
                Pose view = new Pose(start.position(), start.yaw() + k * Math.PI / 2);
                SensorFrame f = sim.render(view, 0);
                files.add(write(rgb(f.width(), f.height(), f.rgb()), "view" + k + "_rgb.png"));
                files.add(write(depth(f), "view" + k + "_depth.png"));
                files.add(write(semantic(f), "view" + k + "_semantic.png"));
            }
            List<Subtask> truth = sim.episode().subtasks();
            for (int i = 0; i < episode.goals().size(); i++) {
                Goal g = episode.goals().get(i);
                if (g.image() != null) {
                    RgbImage img = g.image();
                    files.add(write(rgb(img.width(), img.height(), img.data()), "goal" + i + "_picture.png"));
                }
                table.row(i + 1, g.modality().wireName(), g.description(), g.instanceId() < 0 ? "any" : g.instanceId(),
                        truth.get(i).revisit() ? "yes" : "no");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("modality", g.modality().wireName());
                row.put("category", g.category());
                row.put("description", g.description());
                row.put("instance_id", g.instanceId());
                row.put("revisit", truth.get(i).revisit());
                goals.add(row);
            }
            files.add(write(map(sim, start), "map.png"));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%s, episode %d: start at (%.2f, %.2f), yaw %.0f deg%n", sceneId, episodeSeed,
                start.position().x(), start.position().z(), Math.toDegrees(start.yaw()));
        stdout.print(table.render());
        stdout.printf("%nwrote %d PNGs to %s%n", files.size(), out);
        if (json) {
            new JsonReport().put("scene_id", sceneId).put("episode_seed", episodeSeed).put("goals", goals)
                    .put("files", files).printTo(stdout);
        }
        stdout.flush();
        return 0;
    }

    private String write(ArgbImage image, String name) throws IOException {
        Path file = out.resolve(name);
        image.writePng(file);
        return file.toString();
    }

    private static ArgbImage rgb(int w, int h, byte[] data) {
        int[] px = new int[w * h];
        for (int p = 0, i = 0; p < px.length; p++, i += 3) {
            px[p] = 0xFF000000 | (data[i] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF);
        }
        return new ArgbImage(w, h, px);
    }

    /** Near is bright, 8 m and beyond dark; nothing hit is black. */
    private static ArgbImage depth(SensorFrame f) {
        float[] d = f.depth();
        int[] px = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            int v = d[i] <= 0 ? 0 : (int) Math.round(255 * Math.max(0, 1 - d[i] / 8.0));
            px[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        return new ArgbImage(f.width(), f.height(), px);
    }

    /** Each instance id in its own colour; structure (id 0) dark grey. */
    private static ArgbImage semantic(SensorFrame f) {
        int[] ids = f.instanceIds();
        int[] px = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            px[i] = ids[i] == 0 ? 0xFF303030 : 0xFF000000 | idColour(ids[i]);
        }
        return new ArgbImage(f.width(), f.height(), px);
    }

    private static int idColour(int id) {
        float hue = (id * 0.618034f) % 1f;
        return Color.HSBtoRGB(hue, 0.65f, 0.95f) & 0xFFFFFF;
    }

    private static ArgbImage map(EmbeddedSimulator sim, Pose start) {
        NavigabilityMap m = sim.navigabilityMap();
        List<MapMarker> objects = new ArrayList<>();
        for (PlacedObject o : sim.layout().objects()) {
            objects.add(new MapMarker(o.centreX(), o.centreZ(), 0xFF000000 | o.rgb()));
        }
        TopDownMapLayers layers = TopDownMapLayers.of(new NavigabilityGrid(m.originX(), m.originZ(), m.cellSizeM(), m.width(),
                m.height(), m.cells())).withObjects(objects).withAgent(new AgentMarker(start.position().x(),
                start.position().z(), start.yaw()));
        return new TopDownMapRenderer().render(layers, 2);
    }
}
