package org.memnav.app.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memnav.app.replay.LoadedRun;
import org.memnav.app.replay.OrbitOverlays;
import org.memnav.app.replay.RunMoment;
import org.memnav.app.replay.SceneGeometry;
import org.memnav.renderers.gl.SensorFrame;
import org.memnav.renderers.map.ArgbImage;
import org.memnav.renderers.orbit.OrbitCamera;
import org.memnav.renderers.orbit.OrbitOverlay;
import org.memnav.renderers.orbit.OrbitView;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The 3D tab: the run's scene from an orbit camera with the path up to the playhead and the remembered poses.
 * Rendered with offscreen OpenGL on the "orbit" lane, only while the tab is shown; drags and playhead moves in a
 * burst collapse to the newest request. The FX thread only gets the finished pixels.
 */
public final class OrbitViewModel {

    /** Degrees of orbit per pixel dragged. */
    static final double DEGREES_PER_PIXEL = 0.4;

    private final TaskExecutor executor;
    private final Consumer<Runnable> uiThread;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<ArgbImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "open the 3D tab to render the scene");
    private final ReadOnlyObjectWrapper<OrbitCamera> camera = new ReadOnlyObjectWrapper<>(this, "camera");
    private volatile boolean active;
    private volatile LoadedRun run;
    private volatile RunMoment moment;
    private volatile int width;  // 0 until the tab is laid out: no render at a guessed size
    private volatile int height;
    // orbit lane only
    private OrbitView view;
    private String viewScene;
    private OrbitOverlay overlay;
    private RunMoment overlayMoment;

    private record Request(LoadedRun run, RunMoment moment, OrbitCamera camera, int width, int height) {
    }

    OrbitViewModel(TaskExecutor executor, Consumer<Runnable> uiThread) {
        this.executor = executor;
        this.uiThread = uiThread;
    }

    /** The playhead moved (or another run is shown). */
    void show(LoadedRun shownRun, RunMoment at) {
        if (shownRun != run) {
            camera.set(null); // frame the new scene
        }
        run = shownRun;
        moment = at;
        request();
    }

    /** Renders only while the tab is shown. */
    public void setActive(boolean shown) {
        active = shown;
        request();
    }

    /** The view's size in pixels (the image is rendered at it). */
    public void setSize(int w, int h) {
        if (w > 16 && h > 16 && (w != width || h != height)) {
            width = w;
            height = h;
            request();
        }
    }

    /** A mouse drag of (dx, dy) pixels: right turns the scene, down lifts the camera. */
    public void orbitBy(double dxPx, double dyPx) {
        OrbitCamera c = camera.get();
        if (c != null) {
            camera.set(c.orbit(-dxPx * DEGREES_PER_PIXEL, dyPx * DEGREES_PER_PIXEL));
            request();
        }
    }

    /** A scroll of {@code deltaY} (positive: wheel away from the user) zooms in. */
    public void zoomBy(double deltaY) {
        OrbitCamera c = camera.get();
        if (c != null && deltaY != 0) {
            camera.set(c.zoom(Math.pow(0.998, deltaY)));
            request();
        }
    }

    private void request() {
        LoadedRun r = run;
        RunMoment m = moment;
        if (!active || r == null || m == null || width == 0) {
            return;
        }
        pending.set(new Request(r, m, camera.get(), width, height));
        if (queued.compareAndSet(false, true)) {
            executor.execute("orbit", this::renderPending);
        }
    }

    private void renderPending() {
        queued.set(false);
        Request req = pending.getAndSet(null);
        if (req == null) {
            return;
        }
        try {
            String sceneRef = req.run().history().setup().sceneRef();
            if (view == null || !sceneRef.equals(viewScene)) {
                if (view != null) {
                    view.close();
                    view = null;
                }
                uiThread.accept(() -> note.set("building the 3D scene of " + sceneRef + " …"));
                view = OrbitView.create(SceneGeometry.load(sceneRef), OrbitView.DEFAULT_CUT_HEIGHT_M);
                viewScene = sceneRef;
            }
            OrbitCamera cam = req.camera() != null ? req.camera() : OrbitCamera.framing(view.bounds());
            if (overlay == null || overlayMoment != req.moment()) {
                overlay = OrbitOverlays.at(req.run().history(), req.moment());
                overlayMoment = req.moment();
            }
            SensorFrame f = view.render(cam, overlay, req.width(), req.height());
            ArgbImage pixels = new ArgbImage(f.width(), f.height(), f.argbPixels());
            String text = String.format(Locale.ROOT, "step %d · azimuth %.0f° · elevation %.0f° · %.1f m · walls cut at %.1f m · "
                            + "path so far, white: remembered poses (yellow: the one the policy headed for), red: agent",
                    req.moment().step(), cam.azimuthDeg(), cam.elevationDeg(), cam.distance(), OrbitView.DEFAULT_CUT_HEIGHT_M);
            uiThread.accept(() -> {
                if (camera.get() == null) {
                    camera.set(cam);
                }
                image.set(pixels);
                note.set(text);
            });
        } catch (RuntimeException e) {
            String message = "3D view unavailable: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            uiThread.accept(() -> note.set(message));
        }
    }

    /** Frees the GL context (on the orbit lane, after any render queued before). */
    void close() {
        executor.execute("orbit", () -> {
            if (view != null) {
                try {
                    view.close();
                } catch (RuntimeException e) {
                    // the window is going away (the lane may be interrupted at exit): nothing left to release for
                } finally {
                    view = null;
                }
            }
        });
    }

    /** True once the image shown was rendered at the view's current size (a screenshot waits for it). */
    public boolean imageFitsView() {
        ArgbImage img = image.get();
        return img != null && img.width() == width && img.height() == height;
    }

    public ReadOnlyObjectProperty<ArgbImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OrbitCamera> cameraProperty() {
        return camera.getReadOnlyProperty();
    }
}
