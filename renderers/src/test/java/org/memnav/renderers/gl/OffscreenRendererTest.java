package org.memnav.renderers.gl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OffscreenRendererTest {

    private static final int BOX_ID = 7;
    private static final int FLOATING_ID = 9;
    private static final double EYE_HEIGHT = 1.31;

    private static OffscreenRenderer renderer;

    @BeforeAll
    static void startRenderer() {
        renderer = OffscreenRenderer.create();
    }

    @AfterAll
    static void stopRenderer() {
        renderer.close();
    }

    /** A 20 m floor and a red box whose near face is 2.8 m in front of a camera at the origin. */
    private static RenderScene floorAndRedBox() {
        return new RenderSceneBuilder()
                .addBox(-10, -0.1, -10, 10, 0, 10, 0x808080, RenderScene.STRUCTURE_ID)
                .addBox(-0.3, 0, -3.2, 0.3, 2.0, -2.8, 0xCC2222, BOX_ID)
                .build();
    }

    private static CameraView camera(double yaw, int width, int height) {
        return CameraView.of(0, EYE_HEIGHT, 0, yaw, 0, 90, width, height);
    }

    @Test
    void centrePixelSeesTheBoxWithItsIdDepthAndColour() {
        renderer.upload(floorAndRedBox());
        SensorFrame frame = renderer.render(camera(0, 128, 128));

        assertThat(frame.width()).isEqualTo(128);
        assertThat(frame.height()).isEqualTo(128);
        assertThat(frame.instanceAt(64, 64)).isEqualTo(BOX_ID);
        assertThat(frame.depthAt(64, 64)).isCloseTo(2.8f, within(0.03f));
        int rgb = frame.rgbAt(64, 64);
        int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
        assertThat(r).isGreaterThan(100).isGreaterThan(2 * g).isGreaterThan(2 * b);
    }

    @Test
    void depthIsAlongTheViewingAxisNotTheRayLength() {
        // A wall facing the camera: view depth is the same 4 m across the image even though the
        // rays towards the edges are longer.
        renderer.upload(new RenderSceneBuilder().addBox(-20, -20, -4.5, 20, 20, -4.0, 0xFFFFFF, 0).build());
        SensorFrame frame = renderer.render(camera(0, 64, 64));
        assertThat(frame.depthAt(32, 32)).isCloseTo(4.0f, within(0.01f));
        assertThat(frame.depthAt(2, 2)).isCloseTo(4.0f, within(0.01f));
        assertThat(frame.depthAt(61, 40)).isCloseTo(4.0f, within(0.01f));
    }

    @Test
    void floorDepthMatchesGeometryBelowTheHorizon() {
        renderer.upload(floorAndRedBox());
        CameraView view = camera(0, 128, 128);
        SensorFrame frame = renderer.render(view);
        // Bottom-left area of the image hits the floor at a depth we can predict from the camera model.
        double[] pixel = CameraTransforms.worldToPixel(view, -2.0, 0.0, -2.0);
        assertThat(pixel).isNotNull();
        int col = (int) pixel[0], row = (int) pixel[1];
        assertThat(frame.instanceAt(col, row)).isZero();
        assertThat(frame.depthAt(col, row)).isCloseTo((float) pixel[2], within(0.05f));
    }

    @Test
    void skyAboveTheHorizonHasNoDepthAndNoInstance() {
        renderer.upload(floorAndRedBox());
        SensorFrame frame = renderer.render(camera(0, 128, 128));
        for (int col = 0; col < 128; col += 8) {
            assertThat(frame.depthAt(col, 2)).isZero();
            assertThat(frame.instanceAt(col, 2)).isZero();
            assertThat(frame.rgbAt(col, 2)).isZero();
        }
        // The floor fills the bottom row.
        assertThat(frame.depthAt(64, 127)).isGreaterThan(0f);
    }

    @Test
    void turningLeftByNinetyDegreesMovesTheBoxOutOfView() {
        renderer.upload(floorAndRedBox());
        assertThat(count(renderer.render(camera(0, 96, 96)), BOX_ID)).isGreaterThan(100);
        assertThat(count(renderer.render(camera(Math.PI / 2, 96, 96)), BOX_ID)).isZero();
    }

    @Test
    void positiveYawTurnsCounterClockwiseSeenFromAbove() {
        // A box on the agent's left (-x). After turning left (positive yaw) by 90 degrees it is straight ahead.
        renderer.upload(new RenderSceneBuilder()
                .addBox(-10, -0.1, -10, 10, 0, 10, 0x808080, 0)
                .addBox(-3.2, 0, -0.3, -2.8, 2, 0.3, 0x22CC22, BOX_ID)
                .build());
        SensorFrame ahead = renderer.render(camera(Math.PI / 2, 64, 64));
        assertThat(ahead.instanceAt(32, 32)).isEqualTo(BOX_ID);
        assertThat(ahead.depthAt(32, 32)).isCloseTo(2.8f, within(0.03f));
        assertThat(count(renderer.render(camera(-Math.PI / 2, 64, 64)), BOX_ID)).isZero();
    }

    @Test
    void anObjectPlacedHighAppearsInTheTopRows() {
        renderer.upload(new RenderSceneBuilder()
                .addBox(-10, -0.1, -10, 10, 0, 10, 0x808080, 0)
                .addBox(-0.5, 2.8, -3.5, 0.5, 3.3, -3.0, 0x2222CC, FLOATING_ID)
                .build());
        SensorFrame frame = renderer.render(camera(0, 64, 64));
        int topHalf = 0, bottomHalf = 0;
        for (int row = 0; row < 64; row++) {
            for (int col = 0; col < 64; col++) {
                if (frame.instanceAt(col, row) == FLOATING_ID) {
                    if (row < 32) {
                        topHalf++;
                    } else {
                        bottomHalf++;
                    }
                }
            }
        }
        assertThat(topHalf).isGreaterThan(20);
        assertThat(bottomHalf).isZero();
        // The floor is in the bottom rows and the RGB image is flipped the same way.
        assertThat(frame.rgbAt(32, 63)).isNotZero();
        assertThat(frame.rgbAt(32, 0)).isZero();
    }

    @Test
    void pitchingUpMovesTheBoxDownInTheImage() {
        renderer.upload(floorAndRedBox());
        CameraView level = camera(0, 64, 64);
        CameraView lookingUp = level.withPose(0, EYE_HEIGHT, 0, 0, Math.toRadians(30));
        assertThat(meanRow(renderer.render(lookingUp), BOX_ID)).isGreaterThan(meanRow(renderer.render(level), BOX_ID) + 5);
    }

    @Test
    void wallsFacingDifferentDirectionsAreShadedDifferently() {
        // Four white walls around the camera; one frame per heading sees each wall head-on.
        renderer.upload(new RenderSceneBuilder()
                .addBox(-3, 0, -3.2, 3, 3, -3, 0xFFFFFF, 0)   // north wall, face normal +z
                .addBox(-3, 0, 3, 3, 3, 3.2, 0xFFFFFF, 0)     // south wall, face normal -z
                .addBox(-3.2, 0, -3, -3, 3, 3, 0xFFFFFF, 0)   // west wall, face normal +x
                .addBox(3, 0, -3, 3.2, 3, 3, 0xFFFFFF, 0)     // east wall, face normal -x
                .build());
        int[] shades = new int[4];
        for (int i = 0; i < 4; i++) {
            shades[i] = renderer.render(camera(i * Math.PI / 2, 32, 32)).rgbAt(16, 16) & 0xFF;
        }
        assertThat(shades).doesNotHaveDuplicates();
        for (int shade : shades) {
            assertThat(shade).isBetween(60, 250);
        }
    }

    @Test
    void resizesWhenTheRequestedSizeChanges() {
        renderer.upload(floorAndRedBox());
        SensorFrame wide = renderer.render(camera(0, 160, 90));
        SensorFrame small = renderer.render(camera(0, 32, 32));
        SensorFrame wideAgain = renderer.render(camera(0, 160, 90));
        assertThat(wide.rgb()).hasSize(160 * 90 * 3);
        assertThat(small.depth()).hasSize(32 * 32);
        assertThat(wideAgain.instanceIds()).containsExactly(wide.instanceIds());
        assertThat(wideAgain.rgb()).containsExactly(wide.rgb());
        assertThat(wide.instanceAt(80, 45)).isEqualTo(BOX_ID);
    }

    @Test
    void reuploadingReplacesTheScene() {
        renderer.upload(floorAndRedBox());
        assertThat(renderer.render(camera(0, 32, 32)).instanceAt(16, 16)).isEqualTo(BOX_ID);
        renderer.upload(RenderScene.empty());
        SensorFrame empty = renderer.render(camera(0, 32, 32));
        assertThat(empty.instanceIds()).containsOnly(0);
        assertThat(empty.depth()).containsOnly(0f);
    }

    @Test
    void importedTrianglesRenderLikeBoxes() {
        // One large triangle in the plane z = -2 facing the camera, wound clockwise (back face):
        // both sides are lit and drawn.
        float[] triangle = {-5, -5, -2, 0, 5, -2, 5, -5, -2};
        renderer.upload(new RenderSceneBuilder().addTriangles(triangle, 0x00FF00, 42).build());
        SensorFrame frame = renderer.render(camera(0, 32, 32));
        assertThat(frame.instanceAt(16, 16)).isEqualTo(42);
        assertThat(frame.depthAt(16, 16)).isCloseTo(2.0f, within(0.01f));
        assertThat(frame.rgbAt(16, 16) >> 8 & 0xFF).isGreaterThan(60);
    }

    @Test
    void framesAreDeterministic() {
        renderer.upload(floorAndRedBox());
        SensorFrame a = renderer.render(camera(0.3, 64, 48));
        SensorFrame b = renderer.render(camera(0.3, 64, 48));
        assertThat(b.rgb()).containsExactly(a.rgb());
        assertThat(b.depth()).containsExactly(a.depth());
        assertThat(b.instanceIds()).containsExactly(a.instanceIds());
    }

    @Test
    void callsFromSeveralThreadsAreSerialisedOntoTheGlThread() throws Exception {
        renderer.upload(floorAndRedBox());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<SensorFrame>>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> renderer.render(camera(0, 48, 48))));
            }
            for (var f : futures) {
                assertThat(f.get().instanceAt(24, 24)).isEqualTo(BOX_ID);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aClosedRendererRefusesWorkAndClosesTwiceQuietly() {
        OffscreenRenderer second = OffscreenRenderer.create();
        second.upload(floorAndRedBox());
        assertThat(second.render(camera(0, 16, 16)).instanceAt(8, 8)).isEqualTo(BOX_ID);
        second.close();
        second.close();
        assertThatThrownBy(() -> second.render(camera(0, 16, 16))).isInstanceOf(IllegalStateException.class);
        // The shared renderer is unaffected by another renderer closing.
        renderer.upload(floorAndRedBox());
        assertThat(renderer.render(camera(0, 16, 16)).instanceAt(8, 8)).isEqualTo(BOX_ID);
    }

    @Test
    void describesTheGlImplementation() {
        assertThat(renderer.description()).isNotBlank();
    }

    @Test
    void anUnusableEglPlatformIsReportedWithThePackagesToInstall() {
        assertThatThrownBy(() -> OffscreenRenderer.createOnPlatform(0x1234))
                .isInstanceOf(RendererUnavailableException.class)
                .hasMessageContaining("eglGetPlatformDisplay")
                .hasMessageContaining("libegl1 libegl-mesa0 libgl1-mesa-dri");
    }

    private static int count(SensorFrame frame, int id) {
        int n = 0;
        for (int v : frame.instanceIds()) {
            if (v == id) {
                n++;
            }
        }
        return n;
    }

    private static double meanRow(SensorFrame frame, int id) {
        double sum = 0;
        int n = 0;
        for (int row = 0; row < frame.height(); row++) {
            for (int col = 0; col < frame.width(); col++) {
                if (frame.instanceAt(col, row) == id) {
                    sum += row;
                    n++;
                }
            }
        }
        assertThat(n).as("pixels of instance %d", id).isPositive();
        return sum / n;
    }

    @Test
    void patternedSurfacesShowTextureWhilePlainOnesAreFlat() {
        CameraView down = CameraView.of(0, 1.5, 0, 0, -Math.PI / 2, 60, 64, 64);
        double[] spread = new double[SurfacePattern.values().length];
        for (SurfacePattern pattern : new SurfacePattern[]{SurfacePattern.PLAIN, SurfacePattern.WOOD, SurfacePattern.TILES,
                SurfacePattern.CARPET}) {
            renderer.upload(new RenderSceneBuilder().addBox(-5, -0.1, -5, 5, 0, 5, 0xA07850, 0, pattern).build());
            SensorFrame f = renderer.render(down);
            assertThat(f.instanceAt(32, 32)).isZero();
            spread[pattern.ordinal()] = luminanceSpread(f);
        }
        assertThat(spread[SurfacePattern.PLAIN.ordinal()]).isLessThan(1.0);
        assertThat(spread[SurfacePattern.WOOD.ordinal()]).isGreaterThan(4.0);
        assertThat(spread[SurfacePattern.TILES.ordinal()]).isGreaterThan(4.0);
        assertThat(spread[SurfacePattern.CARPET.ordinal()]).isGreaterThan(2.0);
    }

    @Test
    void emissiveGlassLooksTheSameWhicheverWayItFaces() {
        // Two glass panes at the same height, one facing +z and one facing +x: lit surfaces would differ.
        renderer.upload(new RenderSceneBuilder()
                .addBox(-3, 0, -3.2, 3, 3, -3, 0xD4E9F7, 0, SurfacePattern.GLASS)
                .addBox(-3.2, 0, -3, -3, 3, 3, 0xD4E9F7, 0, SurfacePattern.GLASS)
                .addBox(-3, 0, -3.2, 3, 3, -3, 0xD4E9F7, 0).build());
        int north = renderer.render(camera(0, 32, 32)).rgbAt(16, 16);
        int west = renderer.render(camera(Math.PI / 2, 32, 32)).rgbAt(16, 16);
        assertThat(west).isEqualTo(north);
        assertThat(north & 0xFF).as("glass is bright").isGreaterThan(200);
    }

    private static double luminanceSpread(SensorFrame f) {
        double sum = 0;
        double sq = 0;
        int n = f.width() * f.height();
        for (int r = 0; r < f.height(); r++) {
            for (int c = 0; c < f.width(); c++) {
                int rgb = f.rgbAt(c, r);
                double y = 0.3 * (rgb >> 16 & 0xFF) + 0.59 * (rgb >> 8 & 0xFF) + 0.11 * (rgb & 0xFF);
                sum += y;
                sq += y * y;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }
}
