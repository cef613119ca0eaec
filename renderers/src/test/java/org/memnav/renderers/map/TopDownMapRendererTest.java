package org.memnav.renderers.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopDownMapRendererTest {

    private static final MapStyle STYLE = MapStyle.defaults();
    private final TopDownMapRenderer renderer = new TopDownMapRenderer(STYLE);

    /** 10 x 8 cells of 0.5 m starting at (-2, -1): a blocked border around a navigable room. */
    private static NavigabilityGrid room() {
        int w = 10, h = 8;
        byte[] cells = new byte[w * h];
        for (int row = 1; row < h - 1; row++) {
            for (int col = 1; col < w - 1; col++) {
                cells[row * w + col] = NavigabilityGrid.NAVIGABLE;
            }
        }
        cells[3 * w + 4] = NavigabilityGrid.BLOCKED; // a pillar at col 4, row 3
        return new NavigabilityGrid(-2, -1, 0.5, w, h, cells);
    }

    private static NavigabilityGrid openFloor(int w, int h, double cell) {
        byte[] cells = new byte[w * h];
        java.util.Arrays.fill(cells, NavigabilityGrid.NAVIGABLE);
        return new NavigabilityGrid(0, 0, cell, w, h, cells);
    }

    @Test
    void gridCellsBecomeBlocksOfNavigableAndBlockedColour() {
        ArgbImage image = renderer.render(TopDownMapLayers.of(room()), 4);
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(32);
        // Border cell (0,0) covers pixels 0..3; the room cell (1,1) starts at pixel 4.
        assertThat(image.pixel(0, 0)).isEqualTo(STYLE.blocked());
        assertThat(image.pixel(3, 3)).isEqualTo(STYLE.blocked());
        assertThat(image.pixel(4, 4)).isEqualTo(STYLE.navigable());
        assertThat(image.pixel(7, 7)).isEqualTo(STYLE.navigable());
        // The pillar at col 4, row 3 covers x 16..19, y 12..15, and its neighbours are navigable.
        assertThat(image.pixel(16, 12)).isEqualTo(STYLE.blocked());
        assertThat(image.pixel(19, 15)).isEqualTo(STYLE.blocked());
        assertThat(image.pixel(20, 12)).isEqualTo(STYLE.navigable());
        assertThat(image.pixel(16, 16)).isEqualTo(STYLE.navigable());
        assertThat(image.pixel(39, 31)).isEqualTo(STYLE.blocked());
    }

    @Test
    void exploredOverlayTintsCellsByWhatTheAgentSaw() {
        NavigabilityGrid grid = room();
        byte[] seen = new byte[grid.cells().length];
        seen[1 * 10 + 1] = ExploredArea.FREE;
        seen[1 * 10 + 2] = ExploredArea.OCCUPIED;
        ArgbImage image = renderer.render(TopDownMapLayers.of(grid).withExplored(new ExploredArea(seen)), 1);
        int free = image.pixel(1, 1), occupied = image.pixel(2, 1), unknown = image.pixel(3, 1);
        assertThat(free).isNotEqualTo(STYLE.navigable()).isNotEqualTo(unknown);
        assertThat(occupied).isEqualTo(STYLE.exploredOccupied());
        assertThat(brightness(unknown)).isLessThan(brightness(free));
    }

    @Test
    void worldToPixelRoundTripsThroughPixelCentres() {
        MapProjection p = MapProjection.of(room(), 4);
        assertThat(p.metresPerPixel()).isEqualTo(0.125);
        for (int px = 0; px < p.width(); px++) {
            assertThat(p.column(p.worldX(px))).isEqualTo(px);
        }
        for (int py = 0; py < p.height(); py++) {
            assertThat(p.row(p.worldZ(py))).isEqualTo(py);
        }
        // Cell (col 1, row 1) of the grid starts at world (-1.5, -0.5) = pixel (4, 4).
        assertThat(p.column(-1.5)).isEqualTo(4);
        assertThat(p.row(-0.5)).isEqualTo(4);
        assertThat(p.column(-1.5001)).isEqualTo(3);
        assertThat(p.pixelX(p.worldX(7))).isEqualTo(7.5);
    }

    @Test
    void trajectoryLinePassesThroughTheExpectedPixels() {
        NavigabilityGrid grid = openFloor(20, 20, 0.1); // 1 px per cell = 0.1 m per pixel
        Trajectory path = new TrajectoryBuilder()
                .add(0.05, 0.05, 0)                             // pixel (0, 0)
                .add(1.05, 1.05, MapStyle.MODE_EXPLORATION)     // pixel (10, 10): a diagonal
                .add(1.05, 1.85, MapStyle.MODE_MEMORY_GUIDED)   // pixel (10, 18): straight down
                .build();
        ArgbImage image = renderer.render(TopDownMapLayers.of(grid).withTrajectory(path), 1);
        int exploration = STYLE.trajectoryColor(MapStyle.MODE_EXPLORATION);
        int memory = STYLE.trajectoryColor(MapStyle.MODE_MEMORY_GUIDED);
        for (int i = 0; i <= 9; i++) {
            assertThat(image.pixel(i, i)).as("diagonal pixel %d", i).isEqualTo(exploration);
        }
        for (int y = 11; y <= 18; y++) {
            assertThat(image.pixel(10, y)).as("vertical pixel %d", y).isEqualTo(memory);
        }
        assertThat(image.pixel(1, 0)).isEqualTo(STYLE.navigable());
        assertThat(image.pixel(11, 14)).isEqualTo(STYLE.navigable());
        assertThat(image.pixel(10, 19)).isEqualTo(STYLE.navigable());
        assertThat(count(image, exploration) + count(image, memory)).isEqualTo(10 + 9);
    }

    @Test
    void wideTrajectoriesCoverNeighbouringPixelsAndOffMapSegmentsAreClipped() {
        NavigabilityGrid grid = openFloor(20, 20, 0.1);
        Trajectory path = new TrajectoryBuilder().add(-100, 1.05, 0).add(100, 1.05, 0).build();
        TopDownMapRenderer wide = new TopDownMapRenderer(STYLE.withTrajectoryWidthPx(3));
        ArgbImage image = wide.render(TopDownMapLayers.of(grid).withTrajectory(path), 1);
        int color = STYLE.trajectoryColor(0);
        for (int x = 0; x < 20; x++) {
            assertThat(image.pixel(x, 9)).isEqualTo(color);
            assertThat(image.pixel(x, 10)).isEqualTo(color);
            assertThat(image.pixel(x, 11)).isEqualTo(color);
            assertThat(image.pixel(x, 12)).isEqualTo(STYLE.navigable());
        }
    }

    @Test
    void agentTriangleSitsOnTheAgentAndPointsAlongItsHeading() {
        NavigabilityGrid grid = openFloor(40, 40, 0.1);
        // Agent at pixel (20, 20) facing yaw 0 = up (-z).
        ArgbImage up = renderer.render(TopDownMapLayers.of(grid).withAgent(new AgentMarker(2.05, 2.05, 0)), 1);
        assertThat(up.pixel(20, 20)).isEqualTo(STYLE.agentFill());
        assertThat(isAgent(up.pixel(20, 16))).as("ahead (up)").isTrue();
        assertThat(isAgent(up.pixel(20, 25))).as("behind (down)").isFalse();
        assertThat(isAgent(up.pixel(20, 10))).isFalse();

        // Positive yaw turns counter-clockwise seen from above: a quarter turn faces -x (left).
        ArgbImage left = renderer.render(TopDownMapLayers.of(grid).withAgent(new AgentMarker(2.05, 2.05, Math.PI / 2)), 1);
        assertThat(left.pixel(20, 20)).isEqualTo(STYLE.agentFill());
        assertThat(isAgent(left.pixel(16, 20))).as("ahead (left)").isTrue();
        assertThat(isAgent(left.pixel(25, 20))).as("behind (right)").isFalse();
        assertThat(isAgent(left.pixel(20, 16))).isFalse();
    }

    @Test
    void markersAndFrontiersAreDrawnAtTheirPixels() {
        NavigabilityGrid grid = openFloor(40, 40, 0.1);
        int red = 0xFFFF0000, green = 0xFF00FF00;
        ArgbImage image = renderer.render(TopDownMapLayers.of(grid)
                .withObjects(List.of(new MapMarker(0.55, 0.55, red)))
                .withGoals(List.of(new MapMarker(3.05, 3.05, green)))
                .withFrontiers(List.of(new WorldPoint(1.55, 3.05))), 1);
        assertThat(image.pixel(5, 5)).isEqualTo(red);
        assertThat(image.pixel(5 + STYLE.objectRadiusPx(), 5)).isEqualTo(red);
        assertThat(image.pixel(5 + STYLE.objectRadiusPx() + 1, 5)).isEqualTo(STYLE.navigable());
        assertThat(image.pixel(30, 30)).isEqualTo(green);                      // centre dot
        assertThat(image.pixel(30 + STYLE.goalRadiusPx() - 1, 30)).isEqualTo(green); // ring
        assertThat(image.pixel(30 + STYLE.goalRadiusPx() + 1, 30)).isEqualTo(STYLE.navigable());
        assertThat(image.pixel(15, 30)).isEqualTo(STYLE.frontier());
    }

    @Test
    void renderIntoReusesTheImageAndRejectsMismatchedSizes() {
        NavigabilityGrid grid = room();
        ArgbImage target = ArgbImage.filled(20, 16, 0xFF123456);
        renderer.renderInto(TopDownMapLayers.of(grid), target);
        assertThat(target.pixel(0, 0)).isEqualTo(STYLE.blocked());
        assertThat(target.pixel(2, 2)).isEqualTo(STYLE.navigable());
        assertThatThrownBy(() -> renderer.renderInto(TopDownMapLayers.of(grid), ArgbImage.filled(21, 16, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopDownMapLayers.of(grid).withExplored(new ExploredArea(new byte[3])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHundredThousandPointTrajectoryRendersQuickly() {
        NavigabilityGrid grid = openFloor(400, 400, 0.05); // 20 m x 20 m
        TrajectoryBuilder builder = new TrajectoryBuilder();
        java.util.Random random = new java.util.Random(42);
        double x = 10, z = 10, yaw = 0;
        for (int i = 0; i < 100_000; i++) {
            yaw += (random.nextInt(3) - 1) * Math.PI / 6;
            x = Math.max(0.1, Math.min(19.9, x - Math.sin(yaw) * 0.25));
            z = Math.max(0.1, Math.min(19.9, z - Math.cos(yaw) * 0.25));
            builder.add(x, z, i / 1000 % 2);
        }
        TopDownMapLayers layers = TopDownMapLayers.of(grid).withTrajectory(builder.build()).withAgent(new AgentMarker(x, z, yaw));
        ArgbImage image = renderer.render(layers, 2);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            renderer.renderInto(layers, image);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("top-down map 800x800, 100k-point trajectory: %.1f ms%n", best / 1e6);
        assertThat(best).isLessThan(250_000_000L); // generous: measured ~5 ms on a 2-core machine
        assertThat(count(image, STYLE.trajectoryColor(0)) + count(image, STYLE.trajectoryColor(1))).isGreaterThan(1000);
    }

    @Test
    void writesAPngThatReadsBackPixelForPixel(@TempDir Path dir) throws Exception {
        ArgbImage image = renderer.render(TopDownMapLayers.of(room()).withAgent(new AgentMarker(0, 0.5, 0.3)), 3);
        Path file = dir.resolve("map.png");
        image.writePng(file);
        assertThat(Files.size(file)).isPositive();
        var read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(image.width());
        for (int y = 0; y < image.height(); y += 5) {
            for (int x = 0; x < image.width(); x += 5) {
                assertThat(read.getRGB(x, y)).isEqualTo(image.pixel(x, y));
            }
        }
    }

    private static boolean isAgent(int argb) {
        return argb == STYLE.agentFill() || argb == STYLE.agentOutline();
    }

    private static int count(ArgbImage image, int argb) {
        int n = 0;
        for (int p : image.pixels()) {
            if (p == argb) {
                n++;
            }
        }
        return n;
    }

    private static int brightness(int argb) {
        return (argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF);
    }
}
