package org.memnav.scenes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.renderers.gl.SensorFrame;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.SceneKind;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.scenes.sim.ShortestPathOracle;
import org.memnav.scenes.sim.SimulatorOptions;
import org.memnav.scenes.stage.GlbStageImporter;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SensorSpec;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Importing a .glb mesh as the stage. The test writes its own small glTF binary (a 6 m x 4 m room
 * with a partition wall that has a doorway, a ceiling, a red sofa and a green plant node), by hand
 * and not with the library under test, then loads it through the simulator.
 */
class GlbStageTest {

    /** One glTF node: a triangle mesh (local positions, indices), a base colour and a translation. */
    private record Node(String name, float[] positions, int[] indices, float[] colour, float[] translation) {
    }

    @Test
    void anImportedRoomIsVoxelisedRenderedAndNavigable(@TempDir Path dir) throws Exception {
        Path glb = dir.resolve("room.glb");
        Files.write(glb, glb(room()));
        GlbStageImporter.ImportedStage stage = new GlbStageImporter(0.17, 1.41, 0.05).load(glb);
        assertThat(stage.floorY()).isCloseTo(0, within(1e-6));
        assertThat(stage.layout().kind()).isEqualTo(SceneKind.IMPORTED);
        assertThat(stage.layout().objects()).extracting(PlacedObject::category).containsExactly("sofa", "plant");
        assertThat(stage.layout().objects()).extracting(PlacedObject::colour).containsExactly("red", "green");
        PlacedObject plant = stage.layout().objects().get(1);
        assertThat(plant.centreX()).isCloseTo(5.0, within(1e-3)); // the node's translation was applied
        assertThat(plant.height()).isCloseTo(1.1, within(1e-3));

        OccupancyGrid grid = stage.grid();
        assertThat(grid.navigableAt(1.5, 2.0)).as("room interior").isTrue();
        assertThat(grid.navigableAt(4.5, 2.0)).as("the other side of the partition").isTrue();
        assertThat(grid.navigableAt(3.0, 2.0)).as("the doorway").isTrue();
        assertThat(grid.navigableAt(1.2, 0.6)).as("under the sofa").isFalse();
        assertThat(grid.navigableAt(3.0, 0.7)).as("in the partition wall").isFalse();
        assertThat(grid.navigableAt(1.5, 0.1)).as("closer than the radius to the outer wall").isFalse();
        assertThat(grid.navigableAt(0.3, 2.0)).isTrue();

        try (EmbeddedSimulator sim = new EmbeddedSimulator(SimulatorOptions.defaults().withSensor(new SensorSpec(64, 64, 90)))) {
            SceneInfo info = sim.loadScene(glb.toString());
            assertThat(info.sceneId()).isEqualTo("room");
            assertThat(info.objects()).hasSize(2);
            // Looking at the sofa from the middle of the room: its pixels carry its instance id.
            Pose view = new Pose(new Vec3(1.2, 0, 2.4), Pose.yawToward(new Vec3(1.2, 0, 2.4), new Vec3(1.2, 0, 0.6)));
            SensorFrame f = sim.render(view, -0.5);
            assertThat(f.instanceAt(32, 32)).isEqualTo(1);
            assertThat((double) f.depthAt(32, 32)).isBetween(1.0, 2.2);

            ShortestPathOracle oracle = new ShortestPathOracle(sim);
            List<SubtaskOutcome> outcomes = oracle.runEpisode(new EpisodeRequest(3, 2));
            assertThat(outcomes).hasSize(2).allSatisfy(o -> {
                assertThat(o.success()).isTrue();
                assertThat(o.spl()).isGreaterThan(0.95);
            });
        }
    }

    @Test
    void badStageFilesAreRefusedWithTheirName(@TempDir Path dir) throws Exception {
        try (EmbeddedSimulator sim = EmbeddedSimulator.withDefaults()) {
            assertThatThrownBy(() -> sim.loadScene(dir.resolve("missing.glb").toString()))
                    .isInstanceOf(SimException.class).hasMessageContaining("missing.glb").hasMessageContaining("does not exist");
            Path garbage = dir.resolve("garbage.glb");
            Files.writeString(garbage, "definitely not a glTF binary");
            assertThatThrownBy(() -> sim.loadScene(garbage.toString()))
                    .isInstanceOf(SimException.class).hasMessageContaining("garbage.glb").hasMessageContaining("glTF");
            Path empty = dir.resolve("empty.glb");
            Files.write(empty, glb(List.of()));
            assertThatThrownBy(() -> sim.loadScene(empty.toString())).hasMessageContaining("empty.glb")
                    .hasMessageContaining("no triangle meshes");
            Path noFloor = dir.resolve("wall-only.glb");
            Files.write(noFloor, glb(List.of(box("wall", 0, 0, 0, 4, 2.5f, 0.1f, new float[]{1, 1, 1}))));
            assertThatThrownBy(() -> sim.loadScene(noFloor.toString())).hasMessageContaining("wall-only.glb")
                    .hasMessageContaining("no floor");
        }
    }

    private static List<Node> room() {
        float[] white = {0.8f, 0.8f, 0.78f};
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("floor", new float[]{0, 0, 0, 6, 0, 0, 6, 0, 4, 0, 0, 4}, new int[]{0, 2, 1, 0, 3, 2},
                new float[]{0.5f, 0.4f, 0.3f}, null));
        nodes.add(new Node("ceiling", new float[]{0, 2.5f, 0, 6, 2.5f, 0, 6, 2.5f, 4, 0, 2.5f, 4}, new int[]{0, 1, 2, 0, 2, 3},
                white, null));
        nodes.add(box("wall north", -0.1f, 0, -0.1f, 6.1f, 2.5f, 0, white));
        nodes.add(box("wall south", -0.1f, 0, 4, 6.1f, 2.5f, 4.1f, white));
        nodes.add(box("wall west", -0.1f, 0, 0, 0, 2.5f, 4, white));
        nodes.add(box("wall east", 6, 0, 0, 6.1f, 2.5f, 4, white));
        nodes.add(box("partition a", 2.95f, 0, 0, 3.05f, 2.5f, 1.4f, white));
        nodes.add(box("partition b", 2.95f, 0, 2.6f, 3.05f, 2.5f, 4, white));
        nodes.add(box("object:sofa", 0.3f, 0, 0.2f, 2.1f, 0.85f, 1.0f, new float[]{0.6f, 0.05f, 0.03f}));
        Node plant = box("object:plant.001", -0.2f, 0, -0.2f, 0.2f, 1.1f, 0.2f, new float[]{0.02f, 0.42f, 0.12f});
        nodes.add(new Node(plant.name(), plant.positions(), plant.indices(), plant.colour(), new float[]{5.0f, 0, 3.3f}));
        return nodes;
    }

    private static Node box(String name, float x0, float y0, float z0, float x1, float y1, float z1, float[] colour) {
        float[] p = {x0, y0, z0, x1, y0, z0, x1, y0, z1, x0, y0, z1, x0, y1, z0, x1, y1, z0, x1, y1, z1, x0, y1, z1};
        int[] i = {0, 1, 2, 0, 2, 3, 4, 6, 5, 4, 7, 6, 0, 4, 5, 0, 5, 1, 1, 5, 6, 1, 6, 2, 2, 6, 7, 2, 7, 3, 3, 7, 4, 3, 4, 0};
        return new Node(name, p, i, colour, null);
    }

    /** glTF 2.0 binary: 12-byte header, a JSON chunk and a BIN chunk, each padded to 4 bytes. */
    private static byte[] glb(List<Node> nodes) {
        ByteArrayOutputStream bin = new ByteArrayOutputStream();
        StringBuilder views = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        StringBuilder meshes = new StringBuilder();
        StringBuilder materials = new StringBuilder();
        StringBuilder nodeJson = new StringBuilder();
        StringBuilder sceneNodes = new StringBuilder();
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
            float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
            ByteBuffer pos = ByteBuffer.allocate(node.positions().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < node.positions().length; i++) {
                pos.putFloat(node.positions()[i]);
                min[i % 3] = Math.min(min[i % 3], node.positions()[i]);
                max[i % 3] = Math.max(max[i % 3], node.positions()[i]);
            }
            ByteBuffer idx = ByteBuffer.allocate(node.indices().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i : node.indices()) {
                idx.putInt(i);
            }
            String sep = n == 0 ? "" : ",";
            views.append(sep).append(String.format(Locale.ROOT, "{\"buffer\":0,\"byteOffset\":%d,\"byteLength\":%d},"
                    + "{\"buffer\":0,\"byteOffset\":%d,\"byteLength\":%d}", bin.size(), pos.capacity(), bin.size() + pos.capacity(),
                    idx.capacity()));
            bin.writeBytes(pos.array());
            bin.writeBytes(idx.array());
            accessors.append(sep).append(String.format(Locale.ROOT, "{\"bufferView\":%d,\"componentType\":5126,\"count\":%d,"
                    + "\"type\":\"VEC3\",\"min\":[%f,%f,%f],\"max\":[%f,%f,%f]},"
                    + "{\"bufferView\":%d,\"componentType\":5125,\"count\":%d,\"type\":\"SCALAR\"}", 2 * n,
                    node.positions().length / 3, min[0], min[1], min[2], max[0], max[1], max[2], 2 * n + 1, node.indices().length));
            meshes.append(sep).append(String.format(Locale.ROOT,
                    "{\"primitives\":[{\"attributes\":{\"POSITION\":%d},\"indices\":%d,\"material\":%d}]}", 2 * n, 2 * n + 1, n));
            materials.append(sep).append(String.format(Locale.ROOT,
                    "{\"pbrMetallicRoughness\":{\"baseColorFactor\":[%f,%f,%f,1.0]}}", node.colour()[0], node.colour()[1],
                    node.colour()[2]));
            String translation = node.translation() == null ? "" : String.format(Locale.ROOT, ",\"translation\":[%f,%f,%f]",
                    node.translation()[0], node.translation()[1], node.translation()[2]);
            nodeJson.append(sep).append(String.format("{\"name\":\"%s\",\"mesh\":%d%s}", node.name(), n, translation));
            sceneNodes.append(sep).append(n);
        }
        String json = nodes.isEmpty()
                ? "{\"asset\":{\"version\":\"2.0\"}}"
                : "{\"asset\":{\"version\":\"2.0\"},\"scene\":0,\"scenes\":[{\"nodes\":[" + sceneNodes + "]}],"
                + "\"nodes\":[" + nodeJson + "],\"meshes\":[" + meshes + "],\"materials\":[" + materials + "],"
                + "\"accessors\":[" + accessors + "],\"bufferViews\":[" + views + "],"
                + "\"buffers\":[{\"byteLength\":" + bin.size() + "}]}";
        byte[] jsonBytes = pad(json.getBytes(StandardCharsets.UTF_8), (byte) ' ');
        byte[] binBytes = pad(bin.toByteArray(), (byte) 0);
        int total = 12 + 8 + jsonBytes.length + (binBytes.length > 0 ? 8 + binBytes.length : 0);
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46546C67).putInt(2).putInt(total);
        out.putInt(jsonBytes.length).putInt(0x4E4F534A).put(jsonBytes);
        if (binBytes.length > 0) {
            out.putInt(binBytes.length).putInt(0x004E4942).put(binBytes);
        }
        return out.array();
    }

    private static byte[] pad(byte[] data, byte with) {
        int padded = (data.length + 3) / 4 * 4;
        byte[] out = java.util.Arrays.copyOf(data, padded);
        for (int i = data.length; i < padded; i++) {
            out[i] = with;
        }
        return out;
    }
}
