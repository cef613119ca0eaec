package org.memnav.scenes.stage;

import org.memnav.renderers.gl.RenderScene;
import org.memnav.renderers.gl.RenderSceneBuilder;
import org.memnav.scenes.layout.Finish;
import org.memnav.scenes.layout.ObjectCatalogue;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneKind;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.OccupancyGrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports a reconstructed scene from a .glb file as the stage, as Habitat loads a scene_id: the
 * mesh is drawn as is, navigation comes from voxelising it ({@link MeshVoxeliser}), and nodes named
 * {@code object:CATEGORY} (e.g. {@code object:sofa}, {@code object:chair.002}) become semantic
 * instances with ids, footprints and a colour name, so that lifelong episodes work on the imported
 * scene. Everything else is structure (instance id 0).
 */
public final class GlbStageImporter {

    public static final String OBJECT_PREFIX = "object:";

    /** What an import gives the simulator: the scene model, its navigability, and what to draw. */
    public record ImportedStage(SceneLayout layout, OccupancyGrid grid, RenderScene geometry, double floorY) {
    }

    private final double agentRadius;
    private final double agentHeight;
    private final double cell;

    public GlbStageImporter(double agentRadius, double agentHeight, double cellSize) {
        this.agentRadius = agentRadius;
        this.agentHeight = agentHeight;
        this.cell = cellSize;
    }

    public ImportedStage load(Path file) {
        List<MeshPart> parts = new GlbReader().read(file);
        double[] b = MeshVoxeliser.bounds(parts);
        double floorY = MeshVoxeliser.floorHeight(parts, b[1], b[4]);
        OccupancyGrid grid = new MeshVoxeliser(cell, agentRadius, agentHeight).voxelise(parts, floorY, b);
        if (grid.navigableCount() == 0) {
            throw new IllegalArgumentException("stage file " + file + " has no floor an agent of radius " + agentRadius
                    + " m can stand on (floor found at y = " + String.format(Locale.ROOT, "%.2f", floorY) + ")");
        }
        String name = file.getFileName().toString().replaceFirst("\\.glb$", "");
        Room room = new Room("room0", "room", b[0], b[2], b[3], b[5], 0xD8D2C8, 0x9A8F7E, Finish.PAINT, Finish.WOOD);

        // Objects: every object: node (all its primitives) is one instance; ids in file order.
        Map<String, List<MeshPart>> byNode = new LinkedHashMap<>();
        for (MeshPart p : parts) {
            if (p.nodeName().startsWith(OBJECT_PREFIX)) {
                byNode.computeIfAbsent(p.nodeName(), k -> new ArrayList<>()).add(p);
            }
        }
        RenderSceneBuilder geometry = new RenderSceneBuilder();
        List<PlacedObject> objects = new ArrayList<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Map.Entry<String, List<MeshPart>> e : byNode.entrySet()) {
            double[] ob = MeshVoxeliser.bounds(e.getValue());
            int id = objects.size() + 1;
            ids.put(e.getKey(), id);
            int rgb = e.getValue().get(0).rgb();
            objects.add(new PlacedObject(id, category(e.getKey()), nearestColourName(rgb), "medium", room.id(),
                    (ob[0] + ob[3]) / 2, (ob[2] + ob[5]) / 2, Math.max(0.01, ob[3] - ob[0]), Math.max(0.01, ob[5] - ob[2]),
                    Math.max(0.01, ob[4] - floorY), rgb, 0));
        }
        for (MeshPart p : parts) {
            // Rendered relative to the floor, so that the camera's height above the floor is the agent's.
            float[] t = p.triangles().clone();
            for (int i = 1; i < t.length; i += 3) {
                t[i] -= (float) floorY;
            }
            geometry.addTriangles(t, p.rgb(), ids.getOrDefault(p.nodeName(), RenderScene.STRUCTURE_ID));
        }
        SceneLayout layout = new SceneLayout(SceneLayout.FORMAT, name, SceneKind.IMPORTED, 0, b[3], b[5],
                Math.max(0.1, b[4] - floorY), List.of(room), List.of(), List.of(), List.of(), objects);
        return new ImportedStage(layout, grid, geometry.build(), floorY);
    }

    /** "object:chair.002" and "object:chair#2" are chairs. */
    static String category(String nodeName) {
        String c = nodeName.substring(OBJECT_PREFIX.length());
        int cut = c.length();
        for (char stop : new char[]{'.', '#'}) {
            int at = c.indexOf(stop);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        return c.substring(0, cut).replace('_', ' ').strip();
    }

    /** The catalogue colour name closest to an sRGB colour, for language goals on imported objects. */
    static String nearestColourName(int rgb) {
        String best = "grey";
        double bestD = Double.MAX_VALUE;
        for (Map.Entry<String, Integer> e : ObjectCatalogue.COLOURS.entrySet()) {
            int c = e.getValue();
            double dr = ((rgb >> 16) & 0xFF) - ((c >> 16) & 0xFF);
            double dg = ((rgb >> 8) & 0xFF) - ((c >> 8) & 0xFF);
            double db = (rgb & 0xFF) - (c & 0xFF);
            double d = dr * dr + dg * dg + db * db;
            if (d < bestD) {
                bestD = d;
                best = e.getKey();
            }
        }
        return best;
    }
}
