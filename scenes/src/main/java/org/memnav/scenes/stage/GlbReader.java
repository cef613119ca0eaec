package org.memnav.scenes.stage;

import de.javagl.jgltf.model.AccessorByteData;
import de.javagl.jgltf.model.AccessorData;
import de.javagl.jgltf.model.AccessorFloatData;
import de.javagl.jgltf.model.AccessorIntData;
import de.javagl.jgltf.model.AccessorModel;
import de.javagl.jgltf.model.AccessorShortData;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.MeshModel;
import de.javagl.jgltf.model.MeshPrimitiveModel;
import de.javagl.jgltf.model.NodeModel;
import de.javagl.jgltf.model.SceneModel;
import de.javagl.jgltf.model.io.GltfModelReader;
import de.javagl.jgltf.model.v2.MaterialModelV2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the triangles of a glTF binary (.glb) with jgltf-model: every mesh primitive drawn as
 * triangles, moved to world coordinates by its node's global transform, one {@link MeshPart} per
 * node and primitive with the material's base colour. Textures are not read (parts keep their
 * base colour); points and lines are skipped.
 */
public final class GlbReader {

    private static final int TRIANGLES = 4;

    public List<MeshPart> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("stage file " + file + " does not exist");
        }
        GltfModel model;
        try (InputStream in = Files.newInputStream(file)) {
            GltfModelReader reader = new GltfModelReader();
            reader.setJsonErrorConsumer(e -> {
                throw new IllegalArgumentException(e.getMessage());
            });
            model = reader.readWithoutReferences(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("stage file " + file + " is not a readable glTF binary: " + e.getMessage(), e);
        }
        List<MeshPart> parts = new ArrayList<>();
        List<NodeModel> roots = new ArrayList<>();
        for (SceneModel scene : model.getSceneModels()) {
            roots.addAll(scene.getNodeModels());
        }
        if (roots.isEmpty()) {
            model.getNodeModels().stream().filter(n -> n.getParent() == null).forEach(roots::add);
        }
        for (NodeModel root : roots) {
            collect(root, parts, file);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("stage file " + file + " has no triangle meshes");
        }
        return parts;
    }

    private void collect(NodeModel node, List<MeshPart> parts, Path file) {
        float[] m = node.computeGlobalTransform(null);
        String name = node.getName() == null ? "" : node.getName();
        for (MeshModel mesh : node.getMeshModels()) {
            for (MeshPrimitiveModel primitive : mesh.getMeshPrimitiveModels()) {
                if (primitive.getMode() != TRIANGLES) {
                    continue;
                }
                AccessorModel positions = primitive.getAttributes().get("POSITION");
                if (positions == null || !(positions.getAccessorData() instanceof AccessorFloatData p)) {
                    throw new IllegalArgumentException("stage file " + file + ": node '" + name
                            + "' has a primitive without float POSITION data");
                }
                int[] indices = indices(primitive.getIndices(), positions.getCount());
                float[] tris = new float[indices.length / 3 * 9];
                for (int i = 0; i + 2 < indices.length; i++) {
                    if (i % 3 != 0) {
                        continue;
                    }
                    for (int k = 0; k < 3; k++) {
                        int v = indices[i + k];
                        if (v < 0 || v >= positions.getCount()) {
                            throw new IllegalArgumentException("stage file " + file + ": node '" + name + "' has index " + v
                                    + " beyond its " + positions.getCount() + " vertices");
                        }
                        double x = p.get(v, 0);
                        double y = p.get(v, 1);
                        double z = p.get(v, 2);
                        int o = (i / 3) * 9 + k * 3;
                        tris[o] = (float) (m[0] * x + m[4] * y + m[8] * z + m[12]);
                        tris[o + 1] = (float) (m[1] * x + m[5] * y + m[9] * z + m[13]);
                        tris[o + 2] = (float) (m[2] * x + m[6] * y + m[10] * z + m[14]);
                    }
                }
                parts.add(new MeshPart(name, tris, colour(primitive)));
            }
        }
        for (NodeModel child : node.getChildren()) {
            collect(child, parts, file);
        }
    }

    private static int[] indices(AccessorModel accessor, int vertexCount) {
        if (accessor == null) {
            int[] all = new int[vertexCount - vertexCount % 3];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        AccessorData data = accessor.getAccessorData();
        int n = accessor.getCount();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (data) {
                case AccessorIntData d -> (int) d.getLong(i);
                case AccessorShortData d -> d.getInt(i);
                case AccessorByteData d -> d.getInt(i);
                default -> throw new IllegalArgumentException("unsupported index type " + data.getComponentType());
            };
        }
        return out;
    }

    /** The base colour factor (linear) as sRGB 0xRRGGBB; light grey without a material. */
    private static int colour(MeshPrimitiveModel primitive) {
        if (!(primitive.getMaterialModel() instanceof MaterialModelV2 material) || material.getBaseColorFactor() == null) {
            return 0xC8C8C8;
        }
        float[] f = material.getBaseColorFactor();
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            double srgb = Math.pow(Math.max(0, Math.min(1, f[c])), 1 / 2.2);
            rgb = rgb << 8 | (int) Math.round(srgb * 255);
        }
        return rgb;
    }
}
