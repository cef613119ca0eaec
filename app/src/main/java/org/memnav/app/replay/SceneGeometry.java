package org.memnav.app.replay;

import org.memnav.renderers.gl.RenderScene;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.scenes.sim.LayoutGeometry;

/** The 3D geometry of a run's scene for the orbit view, regenerated from its scene reference (without a ceiling). */
public final class SceneGeometry {

    private SceneGeometry() {
    }

    public static RenderScene load(String sceneRef) {
        try (EmbeddedSimulator sim = EmbeddedSimulator.withDefaults()) {
            sim.loadScene(sceneRef);
            return LayoutGeometry.toRenderScene(sim.layout(), false);
        }
    }
}
