package org.memnav.scenes.sim;

import org.memnav.renderers.gl.RenderScene;
import org.memnav.renderers.gl.RenderSceneBuilder;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.layout.WallSegment;

/** Turns a floor plan into renderable boxes: per-room floors, walls, a ceiling, and objects by instance id. */
public final class LayoutGeometry {

    private LayoutGeometry() {
    }

    public static RenderScene toRenderScene(SceneLayout layout, boolean withCeiling) {
        RenderSceneBuilder b = new RenderSceneBuilder();
        for (Room r : layout.rooms()) {
            b.addBox(r.minX(), -0.02, r.minZ(), r.maxX(), 0, r.maxZ(), r.floorRgb(), RenderScene.STRUCTURE_ID);
        }
        for (WallSegment w : layout.walls()) {
            b.addBox(w.minX(), 0, w.minZ(), w.maxX(), w.height(), w.maxZ(), w.rgb(), RenderScene.STRUCTURE_ID);
        }
        if (withCeiling) {
            b.addBox(-0.1, layout.wallHeight(), -0.1, layout.width() + 0.1, layout.wallHeight() + 0.02,
                    layout.depth() + 0.1, 0xF4F4F0, RenderScene.STRUCTURE_ID);
        }
        for (PlacedObject o : layout.objects()) {
            b.addBox(o.minX(), 0, o.minZ(), o.maxX(), o.height(), o.maxZ(), o.rgb(), o.instanceId());
        }
        return b.build();
    }
}
