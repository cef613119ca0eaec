package org.memnav.scenes;

import org.junit.jupiter.api.Test;
import org.memnav.renderers.gl.RenderScene;
import org.memnav.renderers.gl.SurfacePattern;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.SceneGenerator;
import org.memnav.scenes.layout.SceneKind;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.sim.LayoutGeometry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutGeometryTest {

    @Test
    void objectShapesStayInsideTheFootprintNavigationUses() {
        for (SceneKind kind : new SceneKind[]{SceneKind.APARTMENT, SceneKind.OFFICE}) {
            SceneLayout layout = new SceneGenerator(0.17).generate(kind, 4);
            RenderScene scene = LayoutGeometry.toRenderScene(layout, true);
            Map<Integer, PlacedObject> objects = new HashMap<>();
            layout.objects().forEach(o -> objects.put(o.instanceId(), o));
            Map<Integer, Integer> triangles = new HashMap<>();
            float[] p = scene.positions();
            for (int v = 0; v < scene.vertexCount(); v++) {
                int id = scene.instanceIds()[v];
                if (id == RenderScene.STRUCTURE_ID) {
                    continue;
                }
                PlacedObject o = objects.get(id);
                assertThat(o).as("vertex id %d is an object", id).isNotNull();
                assertThat((double) p[3 * v]).isBetween(o.minX() - 1e-4, o.maxX() + 1e-4);
                assertThat((double) p[3 * v + 1]).isBetween(-1e-4, o.height() + 1e-4);
                assertThat((double) p[3 * v + 2]).isBetween(o.minZ() - 1e-4, o.maxZ() + 1e-4);
                triangles.merge(id, 1, Integer::sum);
            }
            assertThat(triangles.keySet()).as("every object is drawn").isEqualTo(objects.keySet());
            assertThat(triangles.values()).as("objects have several parts").anySatisfy(n -> assertThat(n).isGreaterThan(36 * 3));
        }
    }

    @Test
    void floorsAndWallsCarryTheRoomsFinishes() {
        SceneLayout layout = new SceneGenerator(0.17).generate(SceneKind.OFFICE, 2);
        RenderScene scene = LayoutGeometry.toRenderScene(layout, true);
        Set<Integer> patterns = new HashSet<>();
        for (byte b : scene.patterns()) {
            patterns.add((int) b);
        }
        assertThat(patterns).contains(SurfacePattern.CARPET.code(), SurfacePattern.TILES.code(), SurfacePattern.GLASS.code(),
                SurfacePattern.PLAIN.code(), SurfacePattern.LIGHT.code());
    }
}
