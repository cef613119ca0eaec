package org.memnav.inference.agent;

import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExploredMapTest {

    private final CameraModel camera = new CameraModel(256, 256, 90, 1.31);

    /** A flat wall facing the camera at {@code distance} metres: view depth is the same for every pixel. */
    private static DepthImage wallAt(float distance) {
        float[] d = new float[256 * 256];
        Arrays.fill(d, distance);
        return new DepthImage(256, 256, d);
    }

    @Test
    void depthOfAWallMarksFreeSpaceBeforeItAndOccupiedCellsAtIt() {
        ExploredMap map = new ExploredMap(Vec3.ORIGIN, 20, 0.1);
        map.integrate(wallAt(2.04f), new Pose(Vec3.ORIGIN, 0), camera); // yaw 0 looks along -z

        assertThat(map.get(0, -1.0)).isEqualTo(ExploredMap.FREE);
        assertThat(map.get(0, -2.05)).isEqualTo(ExploredMap.OCCUPIED); // the cell the wall surface lies in
        assertThat(map.get(0, -3.0)).isEqualTo(ExploredMap.UNKNOWN);
        assertThat(map.get(0, 1.0)).as("behind the camera").isEqualTo(ExploredMap.UNKNOWN);
    }

    @Test
    void turningTheAgentRotatesWhatItMaps() {
        ExploredMap map = new ExploredMap(Vec3.ORIGIN, 20, 0.1);
        map.integrate(wallAt(2.04f), new Pose(Vec3.ORIGIN, Math.PI / 2), camera); // yaw +90° looks along -x
        assertThat(map.get(-2.05, 0)).isEqualTo(ExploredMap.OCCUPIED);
        assertThat(map.get(-1.0, 0)).isEqualTo(ExploredMap.FREE);
        assertThat(map.get(0, -2.0)).isEqualTo(ExploredMap.UNKNOWN);
    }

    @Test
    void frontiersLieBetweenFreeAndUnknownSpace() {
        ExploredMap map = new ExploredMap(Vec3.ORIGIN, 20, 0.1);
        map.integrate(wallAt(8.0f), new Pose(Vec3.ORIGIN, 0), camera); // beyond range: rays clear 5 m, no obstacle
        List<FrontierExplorer.Frontier> frontiers = new FrontierExplorer().frontiers(map);
        assertThat(frontiers).isNotEmpty();
        for (FrontierExplorer.Frontier f : frontiers) {
            assertThat(map.get(f.target().x(), f.target().z())).isEqualTo(ExploredMap.FREE);
        }
    }
}
