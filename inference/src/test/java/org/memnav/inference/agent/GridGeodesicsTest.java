package org.memnav.inference.agent;

import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GridGeodesicsTest {

    /** 20x10 cells of 0.1 m, a wall at column 10 with a gap in rows 0..1 only, and an island at (18, 8). */
    private static NavigabilityMap walledMap() {
        byte[] cells = new byte[20 * 10];
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 20; c++) {
                boolean wall = c == 10 && r >= 2;
                boolean moat = (c >= 16 && r >= 6) && !(c == 18 && r == 8);
                cells[r * 20 + c] = (byte) (wall || moat ? 0 : 1);
            }
        }
        return new NavigabilityMap(0, 0, 0.1, 20, 10, cells);
    }

    @Test
    void distancesGoAroundWallsAndUnreachableTargetsAreInfinite() {
        GridGeodesics g = new GridGeodesics(walledMap());
        Vec3 start = new Vec3(0.55, 0, 0.85);        // cell (5, 8)
        Vec3 sameSide = new Vec3(0.55, 0, 0.15);     // cell (5, 1): straight up, 0.7 m
        Vec3 behindWall = new Vec3(1.55, 0, 0.85);   // cell (15, 8): through the gap at the top
        Vec3 island = new Vec3(1.85, 0, 0.85);       // cell (18, 8): cut off
        double[] d = g.from(start, List.of(sameSide, behindWall, island));
        assertThat(d[0]).isCloseTo(0.7, within(1e-9));
        assertThat(d[1]).isGreaterThan(1.0 + 0.6); // longer than the straight 1.0 m: it detours via row 1
        assertThat(d[1]).isLessThan(2.2);
        assertThat(d[2]).isInfinite();
    }
}
