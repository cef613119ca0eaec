package org.memnav.app.replay;

import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SceneObject;

import java.util.List;

/** What the map draws under a run: where the agent can stand and the scene's objects. */
public record SceneLayout(String sceneId, NavigabilityMap navigability, List<SceneObject> objects) {

    public SceneLayout {
        objects = List.copyOf(objects);
    }

    public static SceneLayout of(SceneInfo scene, NavigabilityMap map) {
        return new SceneLayout(scene.sceneId(), map, scene.objects());
    }

    /**
     * Regenerates a recorded run's scene in the embedded simulator: recordings keep the scene reference, not the
     * scene, and procedural scenes are deterministic in their seed.
     */
    public static SceneLayout load(String sceneRef) {
        try (EmbeddedSimulator sim = EmbeddedSimulator.withDefaults()) {
            SceneInfo scene = sim.loadScene(sceneRef);
            return of(scene, sim.navigabilityMap());
        }
    }
}
