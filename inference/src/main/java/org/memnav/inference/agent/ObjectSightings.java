package org.memnav.inference.agent;

import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SemanticImage;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the agent has seen objects, by category: the semantic sensor's instance ids mapped to
 * categories through the scene's semantic annotations, located in the world with depth and pose.
 * Kept across subtasks, which is what lets the walking-skeleton agent go straight back to a goal it
 * has seen before. (The learned, token-based goal matcher replaces this in the inference pipeline.)
 */
public final class ObjectSightings {

    private static final int MIN_PIXELS = 12;
    private static final double MAX_DEPTH_M = 6.0;

    /** A located instance: mean world position of its seen pixels and how many pixels supported it. */
    public record Sighting(int instanceId, String category, Vec3 position, int pixels) {
    }

    private final Map<Integer, Sighting> byInstance = new HashMap<>();

    public void integrate(SemanticImage semantic, DepthImage depth, Pose pose, CameraModel camera, SceneInfo scene) {
        Map<Integer, double[]> sums = new HashMap<>();
        for (int v = 0; v < semantic.height(); v += 2) {
            for (int u = 0; u < semantic.width(); u += 2) {
                int i = v * semantic.width() + u;
                int id = semantic.ids()[i];
                float d = depth.at(i);
                if (id <= 0 || d <= 0 || d > MAX_DEPTH_M) {
                    continue;
                }
                Vec3 p = camera.unproject(pose, u, v, d);
                double[] s = sums.computeIfAbsent(id, k -> new double[3]);
                s[0] += p.x();
                s[1] += p.z();
                s[2] += 1;
            }
        }
        for (Map.Entry<Integer, double[]> e : sums.entrySet()) {
            double[] s = e.getValue();
            int pixels = (int) s[2];
            String category = scene.categoryOf(e.getKey());
            if (pixels < MIN_PIXELS || category == null) {
                continue;
            }
            Sighting previous = byInstance.get(e.getKey());
            if (previous == null || pixels >= previous.pixels()) {
                byInstance.put(e.getKey(), new Sighting(e.getKey(), category, new Vec3(s[0] / pixels, 0, s[1] / pixels), pixels));
            }
        }
    }

    public List<Sighting> ofCategory(String category) {
        List<Sighting> out = new ArrayList<>();
        for (Sighting s : byInstance.values()) {
            if (s.category().equals(category)) {
                out.add(s);
            }
        }
        out.sort((a, b) -> Integer.compare(a.instanceId(), b.instanceId()));
        return out;
    }

    public int size() {
        return byInstance.size();
    }
}
