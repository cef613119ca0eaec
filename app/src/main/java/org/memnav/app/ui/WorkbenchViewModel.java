package org.memnav.app.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memnav.app.session.NavigationRun;
import org.memnav.app.session.RunContext;
import org.memnav.app.session.RunListener;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.agent.EpisodeResult;
import org.memnav.inference.agent.NavigationMode;
import org.memnav.inference.agent.StepEvent;
import org.memnav.renderers.map.ArgbImage;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.RgbImage;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * State of the live workbench window. The run executes on the {@link TaskExecutor}; its steps are
 * folded into {@link LiveMapModel} on the run's thread and handed to the FX thread as immutable
 * {@link UiSnapshot}s, at most one pending at a time, so a fast run never floods the UI.
 */
public final class WorkbenchViewModel {

    private static final long MIN_PUBLISH_INTERVAL_NS = 33_000_000L; // ~30 Hz is plenty for the eye

    private final TaskExecutor executor;
    private final Consumer<Runnable> uiThread;
    private final LiveMapModel mapModel = new LiveMapModel(2);
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicReference<UiSnapshot> pending = new AtomicReference<>();

    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyIntegerWrapper trajectoryPoints = new ReadOnlyIntegerWrapper(this, "trajectoryPoints", 0);
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper(this, "statusLine", "starting…");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "MemNav Workbench");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyObjectWrapper<ArgbImage> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyObjectWrapper<RgbImage> egocentric = new ReadOnlyObjectWrapper<>(this, "egocentric");

    // Written on the run's thread only.
    private final ArrayDeque<Long> stepTimes = new ArrayDeque<>();
    private volatile String provider = "?";
    private EpisodeSpec episode;
    private long lastPublish;

    public WorkbenchViewModel(TaskExecutor executor, Consumer<Runnable> uiThread) {
        this.executor = executor;
        this.uiThread = uiThread;
    }

    /** Starts a live run in the background; its progress arrives through the properties. */
    public void start(RunSettings settings) {
        stopRequested.set(false);
        running.set(true);
        executor.execute("run", () -> {
            try {
                new NavigationRun(settings).execute(new Listener(), stopRequested::get);
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                uiThread.accept(() -> {
                    error.set(message);
                    statusLine.set("run failed: " + message);
                });
            } finally {
                uiThread.accept(() -> running.set(false));
            }
        });
    }

    public void stop() {
        stopRequested.set(true);
    }

    private final class Listener implements RunListener {

        @Override
        public void onRunStart(RunContext context) {
            provider = context.executionProvider();
            mapModel.reset(context.navigability(), context.scene().objects());
            String t = "MemNav Workbench — " + context.scene().sceneId() + " (" + context.simulatorAddress() + ")";
            uiThread.accept(() -> title.set(t));
        }

        @Override
        public void onEpisodeStart(EpisodeSpec spec, Observation first) {
            episode = spec;
            mapModel.addPose(first.pose(), NavigationMode.EXPLORATION, null);
            publish(first, "—", 0, "", true);
        }

        @Override
        public void onStep(StepEvent event) {
            long now = System.nanoTime();
            stepTimes.addLast(now);
            while (stepTimes.size() > 2 && now - stepTimes.peekFirst() > 1_000_000_000L) {
                stepTimes.removeFirst();
            }
            double fps = stepTimes.size() < 2 ? 0 : (stepTimes.size() - 1) * 1e9 / (now - stepTimes.peekFirst());
            mapModel.addPose(event.observation().pose(), event.mode(), event.target());
            boolean due = now - lastPublish >= MIN_PUBLISH_INTERVAL_NS || event.observation().status().episodeOver();
            if (due) {
                mapModel.updateExplored(event.explored());
                String memory = String.format(Locale.ROOT, "memory %d frames · %d tokens · %.1f KB",
                        event.memory().frames(), event.memory().tokens(), event.memory().bytes() / 1024.0);
                publish(event.observation(), event.action().wireName() + " (" + event.mode().label() + ")", fps, memory, false);
            }
        }

        @Override
        public void onEpisodeEnd(EpisodeResult result) {
            String summary = String.format(Locale.ROOT, "episode %s done: SR %.2f · SPL %.2f · %d steps",
                    result.spec().episodeId(), result.successRate(), result.spl(), result.steps());
            uiThread.accept(() -> statusLine.set(statusLine.get() + "  |  " + summary));
        }

        private void publish(Observation obs, String action, double fps, String memory, boolean force) {
            lastPublish = System.nanoTime();
            EpisodeStatus st = obs.status();
            String goal = episode == null ? "" : episode.goals().get(st.subtaskIndex()).description();
            String subtask = (st.subtaskIndex() + 1) + "/" + st.subtaskCount() + " · " + goal;
            UiSnapshot snap = new UiSnapshot(obs.step(), subtask, action, fps, memory, mapModel.render(), obs.rgb(),
                    mapModel.trajectoryPoints());
            if (pending.getAndSet(snap) == null || force) {
                uiThread.accept(WorkbenchViewModel.this::applyPending);
            }
        }
    }

    private void applyPending() {
        UiSnapshot s = pending.getAndSet(null);
        if (s == null) {
            return;
        }
        step.set(s.step());
        trajectoryPoints.set(s.trajectoryPoints());
        map.set(s.map());
        egocentric.set(s.egocentric());
        statusLine.set(String.format(Locale.ROOT, "step %d  |  subtask %s  |  action %s  |  %.1f FPS  |  provider %s  |  %s",
                s.step(), s.subtask(), s.action(), s.stepsPerSecond(), provider, s.memory()));
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty trajectoryPointsProperty() {
        return trajectoryPoints.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ArgbImage> mapProperty() {
        return map.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RgbImage> egocentricProperty() {
        return egocentric.getReadOnlyProperty();
    }
}
