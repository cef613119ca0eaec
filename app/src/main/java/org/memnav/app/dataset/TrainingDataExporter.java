package org.memnav.app.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.memnav.inference.agent.FrameEncoder;
import org.memnav.inference.agent.FrontierCandidates;
import org.memnav.inference.agent.NavigationAgent;
import org.memnav.inference.agent.SemanticSensorAgent;
import org.memnav.inference.goal.SentenceEmbedder;
import org.memnav.scenes.episode.InstanceDescriber;
import org.memnav.scenes.layout.ObjectCatalogue;
import org.memnav.scenes.layout.ObjectCategory;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.GridPathFinder;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.Vec3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the training data of the learned models from the embedded simulator (driven directly, no
 * socket): lifelong episodes in TRAINING scenes only, driven by the semantic-sensor skeleton agent,
 * with every {@code frameStride}-th frame's RGB, instance ids, depth and pose, the frontier candidates
 * the agent would be offered there with privileged geodesic distances from each to every goal category
 * (the imitation oracle), MiniLM embeddings of language descriptions of every object (the scene's own
 * unique description, as language goals use, plus attribute templates), and the pictures of the
 * episodes' image goals.
 * All arrays are numpy {@code .npy}; see inference/training/README.md for the layout.
 */
public final class TrainingDataExporter {

    /** What to export. {@code sceneRefs} must be training scenes: the held-out ones are for eval only. */
    public record Settings(List<String> sceneRefs, int episodesPerScene, int subtasks, int frameStride, long episodeSeed,
                           Path out, int viewsPerScene) {
    }

    public record Summary(int scenes, int episodes, long frames, long frontiers, long descriptions, long goalImages,
                          double wallSeconds) {
    }

    /** Instance ids and depth are kept at this resolution (every 4th pixel of the 256x256 sensor). */
    static final int LABEL_SIZE = 64;
    private static final int META_COLUMNS = 9;
    private static final double VIEW_POINT_RADIUS_M = 1.0;

    private final FrameEncoder frameEncoder;
    private final SentenceEmbedder sentences;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public TrainingDataExporter(FrameEncoder frameEncoder, SentenceEmbedder sentences) {
        this.frameEncoder = frameEncoder;
        this.sentences = sentences;
    }

    public Summary export(Settings settings, Consumer<String> progress) {
        long t0 = System.nanoTime();
        List<String> vocabulary = ObjectCatalogue.CATEGORIES.stream().map(ObjectCategory::name).toList();
        int c = vocabulary.size();
        Path out = settings.out();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create dataset folder " + out + ": " + e.getMessage(), e);
        }
        List<Map<String, Object>> sceneRecords = new ArrayList<>();
        List<Map<String, Object>> descriptionRecords = new ArrayList<>();
        int episodes = 0;
        try (EmbeddedSimulator sim = EmbeddedSimulator.withDefaults();
             NpyWriter rgb = new NpyWriter(out.resolve("frames_rgb.npy"), NpyWriter.Dtype.UINT8, 256, 256, 3);
             NpyWriter ids = new NpyWriter(out.resolve("frames_ids.npy"), NpyWriter.Dtype.INT16, LABEL_SIZE, LABEL_SIZE);
             NpyWriter depth = new NpyWriter(out.resolve("frames_depth.npy"), NpyWriter.Dtype.FLOAT16, LABEL_SIZE, LABEL_SIZE);
             NpyWriter meta = new NpyWriter(out.resolve("frames_meta.npy"), NpyWriter.Dtype.FLOAT32, META_COLUMNS);
             NpyWriter goalDist = new NpyWriter(out.resolve("frames_goal_dist.npy"), NpyWriter.Dtype.FLOAT32, c);
             NpyWriter frontiers = new NpyWriter(out.resolve("frontiers.npy"), NpyWriter.Dtype.FLOAT32, 5);
             NpyWriter frontierDist = new NpyWriter(out.resolve("frontier_goal_dist.npy"), NpyWriter.Dtype.FLOAT32, c);
             NpyWriter textEmbeddings = new NpyWriter(out.resolve("description_embeddings.npy"), NpyWriter.Dtype.FLOAT32,
                     SentenceEmbedder.DIMENSION);
             NpyWriter goalImages = new NpyWriter(out.resolve("goal_images.npy"), NpyWriter.Dtype.UINT8, 256, 256, 3);
             NpyWriter goalImageMeta = new NpyWriter(out.resolve("goal_images_meta.npy"), NpyWriter.Dtype.INT32, 2)) {
            Frames frames = new Frames(rgb, ids, depth, meta, goalDist, frontiers, frontierDist, goalImages, goalImageMeta);
            for (int s = 0; s < settings.sceneRefs().size(); s++) {
                String ref = settings.sceneRefs().get(s);
                SceneInfo scene = sim.loadScene(ref);
                SceneLayout layout = sim.layout();
                // still views need no oracle distances (no frontiers): skip the per-category distance fields
                CategoryFields fields = settings.viewsPerScene() > 0 ? CategoryFields.none(sim.pathFinder().grid(), vocabulary.size())
                        : CategoryFields.of(layout, sim.pathFinder(), vocabulary);
                sceneRecords.add(sceneRecord(s, ref, layout, vocabulary));
                InstanceDescriber describer = new InstanceDescriber(layout);
                for (PlacedObject o : layout.objects()) {
                    List<String> texts = descriptions(o, layout, describer);
                    // views cover many scenes: one description per object keeps the sentence model's cost in check
                    for (String text : settings.viewsPerScene() > 0 ? texts.subList(0, 1) : texts) {
                        textEmbeddings.appendFloats(sentences.embed(text));
                        descriptionRecords.add(Map.of("scene_index", s, "instance_id", o.instanceId(), "text", text));
                    }
                }
                if (settings.viewsPerScene() > 0) {
                    renderViews(sim, s, settings.viewsPerScene(), new java.util.SplittableRandom(settings.episodeSeed() * 7919 + s),
                            fields, frames);
                } else {
                    for (int e = 0; e < settings.episodesPerScene(); e++) {
                        long seed = settings.episodeSeed() + e;
                        runEpisode(sim, scene, s, episodes, new EpisodeRequest(seed, settings.subtasks()), settings.frameStride(),
                                fields, vocabulary, frames);
                        episodes++;
                    }
                }
                progress.accept(String.format(java.util.Locale.ROOT, "scene %d/%d %s: %d frames so far",
                        s + 1, settings.sceneRefs().size(), layout.sceneId(), rgb.rows()));
            }
            Summary summary = new Summary(settings.sceneRefs().size(), episodes, rgb.rows(), frontiers.rows(),
                    textEmbeddings.rows(), goalImages.rows(), (System.nanoTime() - t0) / 1e9);
            writeJson(out.resolve("vocabulary.json"), Map.of("categories", vocabulary));
            writeJson(out.resolve("scenes.json"), sceneRecords);
            writeJson(out.resolve("descriptions.json"), descriptionRecords);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("scene_refs", settings.sceneRefs());
            record.put("episodes_per_scene", settings.episodesPerScene());
            record.put("subtasks", settings.subtasks());
            record.put("frame_stride", settings.frameStride());
            record.put("episode_seed", settings.episodeSeed());
            record.put("views_per_scene", settings.viewsPerScene());
            record.put("label_size", LABEL_SIZE);
            record.put("meta_columns", List.of("scene_index", "episode_index", "step", "subtask", "goal_category",
                    "x", "z", "yaw", "goal_instance"));
            record.put("frames", summary.frames());
            record.put("frontiers", summary.frontiers());
            record.put("descriptions", summary.descriptions());
            record.put("goal_images", summary.goalImages());
            writeJson(out.resolve("export.json"), record);
            return summary;
        }
    }

    /** The open writers of one export. */
    private record Frames(NpyWriter rgb, NpyWriter ids, NpyWriter depth, NpyWriter meta, NpyWriter goalDist,
                          NpyWriter frontiers, NpyWriter frontierDist, NpyWriter goalImages, NpyWriter goalImageMeta) {
    }

    private void runEpisode(EmbeddedSimulator sim, SceneInfo scene, int sceneIndex, int episodeIndex, EpisodeRequest request,
                            int stride, CategoryFields fields, List<String> vocabulary, Frames out) {
        NavigationAgent agent = new SemanticSensorAgent(sim, scene, frameEncoder, 50);
        EpisodeStart start = sim.newEpisode(request);
        agent.startEpisode(start.spec());
        for (Goal g : start.spec().goals()) {
            if (g.image() != null && g.image().width() == 256 && g.image().height() == 256) {
                out.goalImages().appendBytes(g.image().data());
                out.goalImageMeta().appendInts(new int[] {sceneIndex, g.instanceId()});
            }
        }
        FrontierCandidates candidates = new FrontierCandidates(sim.navigabilityMap());
        Observation obs = start.observation();
        while (!obs.status().episodeOver()) {
            NavigationAgent.AgentStep step = agent.act(obs);
            if (obs.step() % stride == 0) {
                Goal goal = start.spec().goals().get(obs.status().subtaskIndex());
                writeFrame(obs, sceneIndex, episodeIndex, vocabulary.indexOf(goal.category()), goal.instanceId(), fields, out);
                long row = out.rgb().rows() - 1;
                for (FrontierCandidates.Candidate f : candidates.around(agent.exploredMap(), obs.pose().position(),
                        List.of(), 1.0)) {
                    out.frontiers().appendFloats(new float[] {row, (float) f.point().x(), (float) f.point().z(),
                            (float) f.geodesicM(), f.cells()});
                    out.frontierDist().appendFloats(fields.distancesAt(f.point()));
                }
            }
            obs = sim.step(step.action());
        }
    }

    private static void writeFrame(Observation obs, int sceneIndex, int episodeIndex, int goalCategory, int goalInstance,
                                   CategoryFields fields, Frames out) {
        writeFrame(obs.rgb().data(), obs.semantic().ids(), obs.depth().metres(), obs.semantic().width(), obs.pose(),
                new float[] {sceneIndex, episodeIndex, obs.step(), obs.status().subtaskIndex(), goalCategory}, goalInstance, fields, out);
    }

    private static void writeFrame(byte[] rgb, int[] instanceIds, float[] metres, int width, Pose pose, float[] head,
                                   int goalInstance, CategoryFields fields, Frames out) {
        out.rgb().appendBytes(rgb);
        int stride = width / LABEL_SIZE;
        short[] ids = new short[LABEL_SIZE * LABEL_SIZE];
        float[] depth = new float[LABEL_SIZE * LABEL_SIZE];
        for (int r = 0; r < LABEL_SIZE; r++) {
            for (int c = 0; c < LABEL_SIZE; c++) {
                int i = (r * stride + stride / 2) * width + c * stride + stride / 2;
                ids[r * LABEL_SIZE + c] = (short) instanceIds[i];
                depth[r * LABEL_SIZE + c] = metres[i];
            }
        }
        out.ids().appendShorts(ids);
        out.depth().appendFloats(depth);
        Vec3 p = pose.position();
        out.meta().appendFloats(new float[] {head[0], head[1], head[2], head[3], head[4],
                (float) p.x(), (float) p.z(), (float) pose.yaw(), goalInstance});
        out.goalDist().appendFloats(fields.distancesAt(p));
    }

    /**
     * Still views for the encoder and goal matching, many scenes cheaply: from a random navigable
     * point 0.8 to 3.5 m from a random object, looking at it (within +-35 degrees), or, one view in
     * four, from anywhere in any direction. Episode index -1; no frontiers.
     */
    private static void renderViews(EmbeddedSimulator sim, int sceneIndex, int views, java.util.SplittableRandom rnd,
                                    CategoryFields fields, Frames out) {
        SceneLayout layout = sim.layout();
        OccupancyGrid grid = sim.pathFinder().grid();
        int written = 0;
        for (int attempt = 0; written < views && attempt < views * 50; attempt++) {
            int col = rnd.nextInt(grid.width());
            int row = rnd.nextInt(grid.height());
            if (!grid.navigable(col, row)) {
                continue;
            }
            double x = grid.xOf(col);
            double z = grid.zOf(row);
            double yaw;
            if (rnd.nextInt(4) == 0 || layout.objects().isEmpty()) {
                yaw = rnd.nextDouble() * 2 * Math.PI - Math.PI;
            } else {
                PlacedObject o = layout.objects().get(rnd.nextInt(layout.objects().size()));
                double d = o.footprintDistance(x, z);
                if (d < 0.8 || d > 3.5 || !sim.pathFinder().lineOfSight(x, z, x + (o.centreX() - x) * 0.5, z + (o.centreZ() - z) * 0.5)) {
                    continue;
                }
                yaw = Pose.wrap(Pose.yawToward(new Vec3(x, 0, z), new Vec3(o.centreX(), 0, o.centreZ()))
                        + Math.toRadians(rnd.nextDouble() * 70 - 35));
            }
            Pose pose = new Pose(new Vec3(x, 0, z), yaw);
            org.memnav.renderers.gl.SensorFrame f = sim.render(pose, 0);
            writeFrame(f.rgb(), f.instanceIds(), f.depth(), f.width(), pose, new float[] {sceneIndex, -1, written, 0, -1}, -1, fields, out);
            written++;
        }
    }

    /**
     * Language descriptions of an instance: the scene's own unique description (what its language goals
     * say) when it has one, and attribute templates in the same style.
     */
    static List<String> descriptions(PlacedObject o, SceneLayout layout, InstanceDescriber describer) {
        Room room = layout.room(o.roomId());
        String roomType = room == null ? "room" : room.type();
        List<String> out = new ArrayList<>();
        describer.describe(o).ifPresent(out::add);
        out.add("the " + o.colour() + " " + o.category());
        out.add("the " + o.colour() + " " + o.category() + " in the " + roomType);
        out.add("a " + o.size() + " " + o.colour() + " " + o.category());
        return out;
    }

    private static Map<String, Object> sceneRecord(int index, String ref, SceneLayout layout, List<String> vocabulary) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (PlacedObject o : layout.objects()) {
            Room room = layout.room(o.roomId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.instanceId());
            m.put("category", o.category());
            m.put("category_index", vocabulary.indexOf(o.category()));
            m.put("colour", o.colour());
            m.put("size", o.size());
            m.put("room_type", room == null ? "" : room.type());
            m.put("x", o.centreX());
            m.put("z", o.centreZ());
            m.put("w", o.width());
            m.put("d", o.depth());
            m.put("h", o.height());
            objects.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scene_index", index);
        m.put("scene_ref", ref);
        m.put("scene_id", layout.sceneId());
        m.put("objects", objects);
        return m;
    }

    private void writeJson(Path file, Object value) {
        try {
            json.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Privileged geodesic distance fields, one per vocabulary category present in the scene, to the
     * category's view points (navigable cells within 1 m of an instance's footprint, as the episode
     * judge defines them); -1 where a category is absent or unreachable.
     */
    private record CategoryFields(OccupancyGrid grid, double[][] fields) {

        static CategoryFields of(SceneLayout layout, GridPathFinder pathFinder, List<String> vocabulary) {
            OccupancyGrid grid = pathFinder.grid();
            double[][] fields = new double[vocabulary.size()][];
            for (int k = 0; k < vocabulary.size(); k++) {
                List<int[]> sources = new ArrayList<>();
                for (PlacedObject o : layout.objects()) {
                    if (o.category().equals(vocabulary.get(k))) {
                        sources.addAll(viewPoints(grid, o));
                    }
                }
                fields[k] = sources.isEmpty() ? null : pathFinder.distanceField(sources);
            }
            return new CategoryFields(grid, fields);
        }

        static CategoryFields none(OccupancyGrid grid, int categories) {
            return new CategoryFields(grid, new double[categories][]);
        }

        private static List<int[]> viewPoints(OccupancyGrid grid, PlacedObject o) {
            List<int[]> cells = new ArrayList<>();
            double r = VIEW_POINT_RADIUS_M;
            for (int row = grid.rowOf(o.minZ() - r); row <= grid.rowOf(o.maxZ() + r); row++) {
                for (int col = grid.colOf(o.minX() - r); col <= grid.colOf(o.maxX() + r); col++) {
                    if (grid.navigable(col, row) && o.footprintDistance(grid.xOf(col), grid.zOf(row)) <= r) {
                        cells.add(new int[] {col, row});
                    }
                }
            }
            return cells;
        }

        float[] distancesAt(Vec3 p) {
            float[] out = new float[fields.length];
            int col = grid.colOf(p.x());
            int row = grid.rowOf(p.z());
            boolean inside = col >= 0 && row >= 0 && col < grid.width() && row < grid.height();
            for (int k = 0; k < fields.length; k++) {
                double d = fields[k] == null || !inside ? Double.POSITIVE_INFINITY : fields[k][row * grid.width() + col];
                out[k] = Double.isFinite(d) ? (float) d : -1f;
            }
            return out;
        }
    }
}
