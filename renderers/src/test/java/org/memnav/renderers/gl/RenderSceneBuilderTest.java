package org.memnav.renderers.gl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RenderSceneBuilderTest {

    @Test
    void aBoxIsTwelveOutwardFacingTriangles() {
        RenderScene box = new RenderSceneBuilder().addBox(0, 0, 0, 1, 2, 3, 0xABCDEF, 5).build();
        assertThat(box.triangleCount()).isEqualTo(12);
        assertThat(box.colors()).containsOnly(0xABCDEF);
        assertThat(box.instanceIds()).containsOnly(5);
        assertThat(box.bounds()).containsExactly(0, 0, 0, 1, 2, 3);
        float[] p = box.positions(), n = box.normals();
        for (int t = 0; t < 12; t++) {
            int v = t * 9;
            float ax = p[v + 3] - p[v], ay = p[v + 4] - p[v + 1], az = p[v + 5] - p[v + 2];
            float bx = p[v + 6] - p[v], by = p[v + 7] - p[v + 1], bz = p[v + 8] - p[v + 2];
            float cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
            // The winding's normal agrees with the stored normal, which points away from the centre.
            assertThat(cx * n[v] + cy * n[v + 1] + cz * n[v + 2]).isPositive();
            float mx = (p[v] + p[v + 3] + p[v + 6]) / 3 - 0.5f;
            float my = (p[v + 1] + p[v + 4] + p[v + 7]) / 3 - 1f;
            float mz = (p[v + 2] + p[v + 5] + p[v + 8]) / 3 - 1.5f;
            assertThat(mx * n[v] + my * n[v + 1] + mz * n[v + 2]).isPositive();
        }
    }

    @Test
    void trianglesGetFaceNormalsAndScenesCombine() {
        RenderScene tri = new RenderSceneBuilder().addTriangles(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, 0x112233, 3).build();
        assertThat(tri.normals()).containsExactly(0, 0, 1, 0, 0, 1, 0, 0, 1);
        RenderScene both = new RenderSceneBuilder().addBox(0, 0, 0, 1, 1, 1, 0, 0).addScene(tri).build();
        assertThat(both.triangleCount()).isEqualTo(13);
        assertThat(both.instanceIds()[both.vertexCount() - 1]).isEqualTo(3);
    }

    @Test
    void growsPastItsInitialCapacity() {
        RenderSceneBuilder builder = new RenderSceneBuilder();
        for (int i = 0; i < 500; i++) {
            builder.addBox(i, 0, 0, i + 0.5, 1, 1, i, i);
        }
        RenderScene scene = builder.build();
        assertThat(scene.triangleCount()).isEqualTo(6000);
        assertThat(scene.instanceIds()[scene.vertexCount() - 1]).isEqualTo(499);
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> new RenderSceneBuilder().addBox(0, 0, 0, 0, 1, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RenderSceneBuilder().addTriangles(new float[8], 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void patternsAreKeptPerVertexAndDefaultToPlain() {
        RenderScene scene = new RenderSceneBuilder().addBox(0, 0, 0, 1, 1, 1, 0x808080, 0, SurfacePattern.WOOD)
                .addBox(2, 0, 0, 3, 1, 1, 0x808080, 1)
                .addTriangles(new float[]{0, 0, 0, 1, 0, 0, 0, 1, 0}, 0x112233, 3, SurfacePattern.GLASS).build();
        assertThat(scene.patterns()[0]).isEqualTo((byte) SurfacePattern.WOOD.code());
        assertThat(scene.patterns()[36]).isEqualTo((byte) SurfacePattern.PLAIN.code());
        assertThat(scene.patterns()[scene.vertexCount() - 1]).isEqualTo((byte) SurfacePattern.GLASS.code());
        RenderScene plain = new RenderScene(new float[9], new float[9], new int[3], new int[3], 0);
        assertThat(plain.patterns()).containsOnly((byte) 0);
        assertThatThrownBy(() -> new RenderScene(new float[9], new float[9], new int[3], new int[3], 0, new byte[2]))
                .hasMessageContaining("patterns");
        assertThat(SurfacePattern.fromCode(SurfacePattern.BRICK.code())).isEqualTo(SurfacePattern.BRICK);
    }
}
