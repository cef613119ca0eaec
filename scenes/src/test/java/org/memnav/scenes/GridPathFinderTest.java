package org.memnav.scenes;

import org.junit.jupiter.api.Test;
import org.memnav.scenes.layout.ApartmentGenerator;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.GridPathFinder;
import org.memnav.scenes.nav.OccupancyGrid;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class GridPathFinderTest {

    private final SceneLayout layout = new ApartmentGenerator(0.17).generate(11);
    private final OccupancyGrid grid = OccupancyGrid.build(layout, 0.17, 0.05);
    private final GridPathFinder finder = new GridPathFinder(grid);

    @Test
    void tautPathsAreNavigableAndNoLongerThanTheGridDistance() {
        SplittableRandom rnd = new SplittableRandom(1);
        int checked = 0;
        while (checked < 25) {
            int[] a = randomNavigable(rnd);
            int[] b = randomNavigable(rnd);
            double ax = grid.xOf(a[0]);
            double az = grid.zOf(a[1]);
            double bx = grid.xOf(b[0]);
            double bz = grid.zOf(b[1]);
            List<double[]> path = finder.path(ax, az, bx, bz);
            assertThat(path).isNotEmpty();
            for (int i = 1; i < path.size(); i++) {
                assertThat(finder.lineOfSight(path.get(i - 1)[0], path.get(i - 1)[1], path.get(i)[0], path.get(i)[1])).isTrue();
            }
            double taut = GridPathFinder.length(path);
            double field = finder.distanceField(List.of(b))[a[1] * grid.width() + a[0]];
            assertThat(taut).isGreaterThanOrEqualTo(Math.hypot(ax - bx, az - bz) - 1e-9);
            assertThat(taut).isLessThanOrEqualTo(field + 1e-6);
            assertThat(taut).isGreaterThan(field / 1.09); // 8-connected overestimates by at most ~8%
            checked++;
        }
    }

    @Test
    void unreachableOrOffGridGivesEmptyPath() {
        assertThat(finder.path(-5, -5, 1, 1)).isEmpty();
        assertThat(finder.pathLength(-5, -5, 1, 1)).isInfinite();
    }

    private int[] randomNavigable(SplittableRandom rnd) {
        while (true) {
            int c = rnd.nextInt(grid.width());
            int r = rnd.nextInt(grid.height());
            if (grid.navigable(c, r)) {
                return new int[]{c, r};
            }
        }
    }
}
