package org.memnav.app.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.memnav.app.replay.ComparisonTable;
import org.memnav.app.replay.Counterfactual;
import org.memnav.app.replay.EpisodeReport;
import org.memnav.app.replay.MetricsCsv;
import org.memnav.app.replay.CounterfactualPolicy;
import org.memnav.app.replay.FrameSource;
import org.memnav.app.replay.LiveHistoryListener;
import org.memnav.app.replay.LoadedRun;
import org.memnav.app.replay.MemoryInspector;
import org.memnav.app.replay.MomentMap;
import org.memnav.app.replay.PatchSimilarity;
import org.memnav.app.replay.RememberedFrame;
import org.memnav.app.replay.RunMoment;
import org.memnav.app.session.EpisodeRerun;
import org.memnav.app.session.NavigationRun;
import org.memnav.inference.agent.LiveSettings;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.agent.StepEvent;
import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.TokenTensor;
import org.memnav.recordings.compare.RunComparison;
import org.memnav.recordings.playback.PlaybackEngine;
import org.memnav.recordings.query.FileEpisodeSource;
import org.memnav.renderers.map.ArgbImage;
import org.memnav.simbridge.api.SceneObject;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * State of the workbench window, one model for live runs and recordings: everything shown follows one
 * playhead step. A live run folds its steps into a {@link LoadedRun} on the run's lane; a recording is loaded
 * on the open lane and played by a {@link PlaybackEngine}. Each playhead move is rendered (map, frame, heatmap,
 * thumbnails) on the render lane, collapsing bursts to the newest step, and handed to the FX thread as one
 * immutable {@link MomentSnapshot}. What-if requests run on their own lane, debounced.
 */
public final class WorkbenchViewModel {

    private static final long LIVE_RENDER_INTERVAL_NS = 33_000_000L; // ~30 Hz is plenty for the eye
    static final long WHAT_IF_DEBOUNCE_MS = 150;
    static final int MAP_PIXELS_PER_CELL = 2;

    private final TaskExecutor executor;
    private final Consumer<Runnable> uiThread;
    private volatile AtomicBoolean stopRequested = new AtomicBoolean(); // one flag per live run
    private final AtomicInteger requestedStep = new AtomicInteger(-1);
    private final AtomicBoolean renderQueued = new AtomicBoolean();
    private final AtomicReference<int[]> whatIfRequest = new AtomicReference<>();
    private final AtomicReference<int[]> selectedPatch = new AtomicReference<>();
    private final AtomicReference<FrameChannel> renderChannel = new AtomicReference<>(FrameChannel.RGB);
    private final Map<Integer, ArgbImage> thumbnailCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ArgbImage> eldest) {
            return size() > 200;
        }
    };

    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyIntegerWrapper lastStep = new ReadOnlyIntegerWrapper(this, "lastStep", 0);
    private final ReadOnlyIntegerWrapper trajectoryPoints = new ReadOnlyIntegerWrapper(this, "trajectoryPoints", 0);
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper(this, "statusLine", "starting…");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "MemNav Workbench");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper runDescription = new ReadOnlyStringWrapper(this, "runDescription", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording", false);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);
    private final ObjectProperty<FrameChannel> channel = new SimpleObjectProperty<>(this, "channel", FrameChannel.RGB);
    private final ReadOnlyObjectWrapper<MomentSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Counterfactual> counterfactual = new ReadOnlyObjectWrapper<>(this, "counterfactual");
    private final ReadOnlyObjectWrapper<List<Integer>> subtaskMarkers = new ReadOnlyObjectWrapper<>(this, "subtaskMarkers", List.of());
    private final ReadOnlyObjectWrapper<List<Integer>> writeTicks = new ReadOnlyObjectWrapper<>(this, "writeTicks", List.of());
    private final ReadOnlyObjectWrapper<List<MemoryOperation>> memoryOperations =
            new ReadOnlyObjectWrapper<>(this, "memoryOperations", List.of());
    private final MemoryInspector inspector = new MemoryInspector();
    private final OrbitViewModel orbit;

    private final ReadOnlyObjectWrapper<Path> lastExport = new ReadOnlyObjectWrapper<>(this, "lastExport");
    private final ReadOnlyObjectWrapper<ComparisonTable> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyBooleanWrapper rerunning = new ReadOnlyBooleanWrapper(this, "rerunning", false);
    private final ReadOnlyObjectWrapper<Path> rerunFile = new ReadOnlyObjectWrapper<>(this, "rerunFile");
    private volatile AtomicBoolean rerunStop = new AtomicBoolean();
    private final ReadOnlyStringWrapper comparedDescription = new ReadOnlyStringWrapper(this, "comparedDescription", "");

    private volatile LoadedRun run;
    private volatile RunSettings runTemplate; // what "New run…" starts from
    private volatile Path runFile;       // the recording shown (null for a live run)
    private volatile LoadedRun compared; // the second run of a comparison, on the same playhead step
    private volatile MomentMap mapRenderer;
    private volatile PlaybackEngine engine;
    private volatile FileEpisodeSource playbackSource;
    private CounterfactualPolicy whatIf; // what-if lane only
    private volatile NavigationRun liveRun; // the live run the what-if sliders retune (null for recordings)
    private volatile LiveSettings.Applied shownApplied; // run lane only: the last applied settings announced
    private final ReadOnlyStringWrapper liveSettingsNote = new ReadOnlyStringWrapper(this, "liveSettingsNote", "");
    private long lastLiveRender;

    public WorkbenchViewModel(TaskExecutor executor, Consumer<Runnable> uiThread) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.orbit = new OrbitViewModel(executor, uiThread);
        channel.addListener((o, a, b) -> {
            renderChannel.set(b);
            seek(step.get());
        });
    }

    // ---- live runs -------------------------------------------------------------------------------------

    /** Starts a live run in the background; the playhead follows its newest step while "follow live" is on. */
    public void start(RunSettings settings) {
        runTemplate = settings;
        stop();
        closeComparison();
        runFile = null;
        closePlayback();
        uiThread.accept(() -> {
            recording.set(false);
            followLive.set(true);
            lastStep.set(0);
        });
        AtomicBoolean stopThisRun = new AtomicBoolean();
        stopRequested = stopThisRun;
        running.set(true);
        NavigationRun navigationRun = new NavigationRun(settings);
        liveRun = navigationRun;
        shownApplied = null;
        uiThread.accept(() -> liveSettingsNote.set(""));
        executor.execute("run", () -> {
            LiveHistoryListener listener = new LiveHistoryListener(this::show, this::onLiveStep);
            try {
                navigationRun.execute(listener, stopThisRun::get);
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                uiThread.accept(() -> {
                    error.set(message);
                    statusLine.set("run failed: " + message);
                });
            } finally {
                LoadedRun r = run;
                if (r != null && r.live() && r.history().lastStep() >= 0) {
                    int last = r.history().lastStep();
                    uiThread.accept(() -> lastStep.set(last));
                    if (followLive.get()) {
                        seek(last);
                    }
                }
                uiThread.accept(() -> running.set(false));
            }
        });
    }

    private void onLiveStep(StepEvent event) {
        NavigationRun live = liveRun;
        LiveSettings.Applied applied = live == null ? null : live.appliedSettings();
        if (applied != null && applied != shownApplied) {
            shownApplied = applied; // the agent confirmed at its step: say from when the sliders' values hold
            String note = String.format(Locale.ROOT, "live run: rate %dx, memory %d applied from step %d",
                    applied.rate(), applied.memoryLength(), applied.step());
            uiThread.accept(() -> liveSettingsNote.set(note));
        }
        long now = System.nanoTime();
        if (now - lastLiveRender < LIVE_RENDER_INTERVAL_NS && !event.observation().status().episodeOver()) {
            return;
        }
        lastLiveRender = now;
        int last = run.history().lastStep();
        uiThread.accept(() -> lastStep.set(last));
        if (followLive.get()) {
            seek(last);
        }
    }

    /** The settings "New run…" starts from: the last live run's, or the command line's. */
    public RunSettings runTemplate() {
        RunSettings t = runTemplate;
        return t != null ? t : new RunSettings(null, org.memnav.scenes.sim.SceneRef.DEFAULT, 7, 3, RunSettings.DEFAULT_SUBTASKS,
                RunSettings.DEFAULT_MEMORY_LENGTH, org.memnav.app.session.ProjectPaths.defaultEncoderManifest(), null);
    }

    public void useRunTemplate(RunSettings settings) {
        runTemplate = settings;
    }

    public void stop() {
        stopRequested.set(true);
    }

    // ---- recordings ------------------------------------------------------------------------------------

    /** Opens a run recording (MCAP) in the background; it replaces what is shown once loaded. */
    public void open(Path file) {
        stop();
        uiThread.accept(() -> statusLine.set("opening " + file + " …"));
        executor.execute("open", () -> {
            try {
                LoadedRun loaded = LoadedRun.open(file);
                FileEpisodeSource source = FileEpisodeSource.open(file);
                closeComparison();
                runFile = file;
                liveRun = null;
                show(loaded);
                closePlayback();
                playbackSource = source;
                engine = new PlaybackEngine(source, s -> {
                    int at = s.step();
                    boolean isPlaying = s.state() == org.memnav.recordings.playback.PlaybackState.PLAYING;
                    uiThread.accept(() -> playing.set(isPlaying));
                    seek(at);
                });
                int last = loaded.history().lastStep();
                uiThread.accept(() -> {
                    recording.set(true);
                    followLive.set(false);
                    lastStep.set(last);
                });
                seek(0);
            } catch (Exception e) {
                String message = "cannot open " + file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
                uiThread.accept(() -> {
                    error.set(message);
                    statusLine.set(message);
                });
            }
        });
    }

    /**
     * Opens {@code other} beside the recording shown: both trajectories on one map, one playhead step (the second
     * run clamped to its own last step), and the per-subtask comparison of {@link RunComparison} (A = the recording
     * shown, B = {@code other}).
     */
    public void compareWith(Path other) {
        uiThread.accept(() -> statusLine.set("opening " + other + " to compare …"));
        executor.execute("open", () -> {
            Path a = runFile;
            try {
                if (a == null) {
                    throw new IllegalStateException("open a recording first: a comparison lines up two recordings");
                }
                LoadedRun b = LoadedRun.open(other);
                ComparisonTable table;
                try (RunComparison cmp = RunComparison.open(List.of(a, other))) {
                    boolean sameScene = b.history().setup().sceneRef().equals(run.history().setup().sceneRef());
                    table = ComparisonTable.of(cmp, "A: " + a.getFileName(), "B: " + other.getFileName(), sameScene);
                } catch (Exception e) {
                    b.close();
                    throw e;
                }
                closeComparison();
                compared = b;
                String d = "B: " + b.history().setup().description() + (table.sameScene() ? "" : " · another scene: its path is drawn on A's map");
                uiThread.accept(() -> {
                    comparison.set(table);
                    comparedDescription.set(d);
                });
                seek(step.get());
            } catch (Exception e) {
                String message = "cannot compare with " + other + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
                uiThread.accept(() -> {
                    error.set(message);
                    statusLine.set(message);
                });
            }
        });
    }

    /**
     * "Re-run episode from here": on a recording at the playhead step S, a new run of its scene and first episode in
     * the embedded simulator with the recording's agent arm at {@code rate} and {@code memoryLength}; the recorded
     * actions are executed for steps before S (the agent observes every step, so its memory is built from the same
     * observations), from S on it acts on its own until the episode ends or {@value EpisodeRerun#DEFAULT_STEPS_AFTER}
     * more steps. Runs on the "rerun" lane, progress in the status line, then opens as the comparison run B.
     */
    public void rerunFromHere(int rate, int memoryLength) {
        rerunFromHere(rate, memoryLength, EpisodeRerun.DEFAULT_STEPS_AFTER);
    }

    /** As {@link #rerunFromHere(int, int)} with at most {@code stepsAfter} steps after the playhead. */
    public void rerunFromHere(int rate, int memoryLength, int stepsAfter) {
        Path source = runFile;
        if (source == null) {
            String message = "open a recording first: a re-run repeats a recording's actions up to the playhead";
            uiThread.accept(() -> {
                error.set(message);
                statusLine.set(message);
            });
            return;
        }
        if (rerunning.get()) {
            uiThread.accept(() -> statusLine.set("a re-run is already in progress"));
            return;
        }
        int from = step.get();
        Path out = EpisodeRerun.defaultOutput(source, rate, memoryLength, from);
        RunSettings template = runTemplate();
        AtomicBoolean stopThis = new AtomicBoolean();
        rerunStop = stopThis;
        rerunning.set(true);
        uiThread.accept(() -> statusLine.set(String.format(Locale.ROOT, "re-running from step %d at rate %dx, memory %d …",
                from, rate, memoryLength)));
        executor.execute("rerun", () -> {
            try {
                EpisodeRerun rerun = new EpisodeRerun(source, from, rate, memoryLength, stepsAfter, template.encoderManifest(), out);
                rerun.execute(n -> {
                    if (n % 25 == 0) {
                        String phase = n <= from ? "recorded actions" : "own actions";
                        uiThread.accept(() -> statusLine.set(String.format(Locale.ROOT,
                                "re-running from step %d (rate %dx, memory %d): step %d, %s …", from, rate, memoryLength, n, phase)));
                    }
                }, stopThis::get);
                uiThread.accept(() -> rerunFile.set(out));
                if (source.equals(runFile)) {
                    compareWith(out);
                } else {
                    uiThread.accept(() -> statusLine.set("re-run saved to " + out));
                }
            } catch (RuntimeException e) {
                String message = "re-run failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
                uiThread.accept(() -> {
                    error.set(message);
                    statusLine.set(message);
                });
            } finally {
                uiThread.accept(() -> rerunning.set(false));
            }
        });
    }

    /** Whether a re-run is in progress (the button is disabled meanwhile). */
    public ReadOnlyBooleanProperty rerunningProperty() {
        return rerunning.getReadOnlyProperty();
    }

    /** The recording the latest re-run wrote (null before the first). */
    public ReadOnlyObjectProperty<Path> rerunFileProperty() {
        return rerunFile.getReadOnlyProperty();
    }

    private void closeComparison() {
        LoadedRun b = compared;
        compared = null;
        if (b != null) {
            b.close();
            uiThread.accept(() -> {
                comparison.set(null);
                comparedDescription.set("");
            });
        }
    }

    private void show(LoadedRun loaded) {
        LoadedRun previous = run;
        run = loaded;
        mapRenderer = new MomentMap(loaded.history().layout(), MAP_PIXELS_PER_CELL);
        synchronized (thumbnailCache) {
            thumbnailCache.clear();
        }
        if (previous != null && previous != loaded) {
            previous.close();
        }
        String t = loaded.title();
        String d = loaded.history().setup().description();
        uiThread.accept(() -> {
            title.set(t);
            runDescription.set(d);
            counterfactual.set(null);
            memoryOperations.set(List.of());
        });
    }

    // ---- export ----------------------------------------------------------------------------------------

    /** Writes a view's pixels (captured on the FX thread) as PNG on the export lane. */
    public void savePng(ArgbImage pixels, Path file) {
        export(file, "PNG", () -> {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            pixels.writePng(file);
        });
    }

    /** Writes every finished subtask of the run (as the Metrics tab shows them) as CSV. */
    public void exportMetricsCsv(Path file) {
        export(file, "metrics CSV", () -> {
            LoadedRun r = requireRun();
            MetricsCsv.write(r.history().momentAt(r.history().lastStep()).results(), file);
        });
    }

    /** Writes the episode report (config, totals, map and plots as embedded PNGs, metrics table) as one HTML file. */
    public void exportReport(Path file) {
        export(file, "episode report", () -> {
            LoadedRun r = requireRun();
            Path source = runFile;
            EpisodeReport.of(r, source == null ? "live run" : source.getFileName().toString()).write(file);
        });
    }

    private LoadedRun requireRun() {
        LoadedRun r = run;
        if (r == null || r.history().lastStep() < 0) {
            throw new IllegalStateException("nothing to export yet: no run is shown");
        }
        return r;
    }

    private interface ExportJob {
        void run() throws Exception;
    }

    private void export(Path file, String what, ExportJob job) {
        executor.execute("export", () -> {
            try {
                job.run();
                uiThread.accept(() -> {
                    lastExport.set(file);
                    statusLine.set("saved " + what + " to " + file);
                });
            } catch (Exception e) {
                String message = "cannot save " + what + " to " + file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
                uiThread.accept(() -> {
                    error.set(message);
                    statusLine.set(message);
                });
            }
        });
    }

    /** The file most recently written by an export. */
    public ReadOnlyObjectProperty<Path> lastExportProperty() {
        return lastExport.getReadOnlyProperty();
    }

    // ---- playhead --------------------------------------------------------------------------------------

    /** Moves the playhead; rendering happens on the render lane, a burst collapses to the newest step. */
    public void seek(int target) {
        requestedStep.set(Math.max(0, target));
        if (renderQueued.compareAndSet(false, true)) {
            executor.execute("render", this::renderPending);
        }
    }

    /** The user moved the playhead: stop following a live run; a recording seeks its playback engine. */
    public void scrubTo(int target) {
        followLive.set(false);
        PlaybackEngine e = engine;
        if (e != null) {
            e.seekToStep(Math.max(0, target));
        } else {
            seek(target);
        }
    }

    public void stepBy(int delta) {
        PlaybackEngine e = engine;
        if (e != null) {
            e.step(delta);
        } else {
            scrubTo(Math.max(0, step.get() + delta));
        }
    }

    public void togglePlay() {
        PlaybackEngine e = engine;
        if (e == null) {
            followLive.set(!followLive.get());
            if (followLive.get() && run != null) {
                seek(run.history().lastStep());
            }
            return;
        }
        if (playing.get()) {
            e.pause();
        } else {
            e.play();
        }
    }

    public void setSpeed(double speed) {
        PlaybackEngine e = engine;
        if (e != null) {
            e.setSpeed(speed);
        }
    }

    /** Clicked a patch of the egocentric frame (row, column of the encoder's patch grid). */
    public void selectPatch(int row, int col) {
        selectedPatch.set(new int[] {row, col});
        seek(step.get());
    }

    /** Asks for the counterfactual decision at the playhead with {@code rate} and {@code memoryLength} (debounced). */
    public void requestWhatIf(int rate, int memoryLength) {
        if (whatIfRequest.getAndSet(new int[] {rate, memoryLength}) == null) {
            executor.execute("what-if", this::runWhatIf);
        }
    }

    private void runWhatIf() {
        try {
            Thread.sleep(WHAT_IF_DEBOUNCE_MS); // let a dragged slider settle: only the last value is computed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int[] req = whatIfRequest.getAndSet(null);
        LoadedRun r = run;
        if (req == null) {
            return;
        }
        requestLiveSettings(req[0], req[1]);
        if (r == null) {
            return;
        }
        Counterfactual result;
        try {
            if (whatIf == null || whatIfRunChanged(r)) {
                if (whatIf != null) {
                    whatIf.close();
                }
                whatIf = new CounterfactualPolicy(r);
                whatIfRun = r;
            }
            result = whatIf.decide(step.get(), req[0], req[1]);
        } catch (RuntimeException e) {
            result = Counterfactual.unavailable("what-if failed: " + e.getMessage(), req[0], req[1]);
        }
        Counterfactual done = result;
        uiThread.accept(() -> counterfactual.set(done));
    }

    private LoadedRun whatIfRun;
    private NavigationRun lastLiveRequestRun; // what-if lane only
    private int[] lastLiveRequest = new int[2];

    /** On a live run the sliders also retune the running agent from its next step (what-if lane: models load here). */
    private void requestLiveSettings(int rate, int memoryLength) {
        NavigationRun live = liveRun;
        if (live == null || runFile != null || (live == lastLiveRequestRun && lastLiveRequest[0] == rate
                && lastLiveRequest[1] == memoryLength)) {
            return; // the playhead moved, the sliders did not: nothing new to ask the agent
        }
        lastLiveRequestRun = live;
        lastLiveRequest = new int[] {rate, memoryLength};
        String note;
        try {
            String refused = live.requestSettings(rate, memoryLength);
            note = refused != null ? "live sliders: " + refused
                    : String.format(Locale.ROOT, "live run: rate %dx, memory %d asked for, applies from the next step",
                    rate, memoryLength);
        } catch (RuntimeException e) {
            note = "live sliders failed: " + e.getMessage();
        }
        String shown = note;
        uiThread.accept(() -> liveSettingsNote.set(shown));
    }

    /** What became of the what-if sliders on a live run: asked for, applied from step N, or why not; "" otherwise. */
    public ReadOnlyStringProperty liveSettingsNoteProperty() {
        return liveSettingsNote.getReadOnlyProperty();
    }

    private boolean whatIfRunChanged(LoadedRun r) {
        return whatIfRun != r;
    }

    private void renderPending() {
        renderQueued.set(false);
        int target = requestedStep.get();
        LoadedRun r = run;
        MomentMap mapper = mapRenderer;
        if (r == null || mapper == null || r.history().lastStep() < 0) {
            return;
        }
        try {
            MomentSnapshot s = render(r, mapper, target);
            uiThread.accept(() -> apply(s));
        } catch (RuntimeException e) {
            String message = "cannot show step " + target + ": " + e.getMessage();
            uiThread.accept(() -> statusLine.set(message));
        }
    }

    private MomentSnapshot render(LoadedRun r, MomentMap mapper, int target) {
        RunMoment moment = r.history().momentAt(target);
        ArgbImage map = mapper.render(r.history(), moment);
        LoadedRun b = compared;
        RunMoment comparedMoment = null;
        if (b != null) {
            comparedMoment = b.history().momentAt(Math.min(target, b.history().lastStep()));
            mapper.drawComparedRun(map, b.history(), comparedMoment, MomentMap.COMPARED_RUN_ARGB);
        }
        FrameSource frames = r.frames();
        Map<FrameChannel, String> missing = new EnumMap<>(FrameChannel.class);
        var rgb = frames.rgbAtOrBefore(moment.step());
        var depth = frames.depthAtOrBefore(moment.step());
        var semantic = frames.semanticAtOrBefore(moment.step());
        if (rgb.isEmpty()) {
            missing.put(FrameChannel.RGB, "no RGB frame at or before this step");
        }
        if (depth.isEmpty()) {
            missing.put(FrameChannel.DEPTH, "no depth frame at or before this step");
        }
        if (semantic.isEmpty()) {
            missing.put(FrameChannel.SEMANTIC, frames.semanticMissingReason());
        }
        ArgbImage frame = null;
        String frameNote;
        FrameChannel ch = renderChannel.get();
        int frameStep = -1;
        switch (ch) {
            case DEPTH -> {
                frame = depth.map(a -> FrameImages.depth(a.value())).orElse(null);
                frameStep = depth.map(FrameSource.At::step).orElse(-1);
            }
            case SEMANTIC -> {
                frame = semantic.map(a -> FrameImages.semantic(a.value())).orElse(null);
                frameStep = semantic.map(FrameSource.At::step).orElse(-1);
            }
            default -> {
                frame = rgb.map(a -> FrameImages.rgb(a.value())).orElse(null);
                frameStep = rgb.map(FrameSource.At::step).orElse(-1);
            }
        }
        frameNote = frame == null ? ch.label() + ": " + missing.get(ch)
                : String.format(Locale.ROOT, "%s frame of step %d (%d step%s before the playhead)", ch.label(), frameStep,
                moment.step() - frameStep, moment.step() - frameStep == 1 ? "" : "s");

        ArgbImage heat = null;
        String heatNote = "click a patch of the frame to see which patches the encoder finds similar";
        float min = 0;
        float max = 0;
        int[] patch = selectedPatch.get();
        Optional<FrameSource.At<TokenTensor>> tokens = frames.encoderTokensAtOrBefore(moment.step());
        if (tokens.isEmpty()) {
            heatNote = "no encoder tokens at or before this step (agent " + r.history().setup().agent() + ")";
        } else if (patch != null && frame != null) {
            PatchSimilarity sim = PatchSimilarity.of(tokens.get().value(), patch[0], patch[1]);
            heat = sim.overlay(frame.width(), frame.height(), 150);
            min = sim.min();
            max = sim.max();
            int ts = tokens.get().step();
            heatNote = String.format(Locale.ROOT, "cosine similarity to patch (%d, %d) of the encoder tokens of step %d%s",
                    patch[0], patch[1], ts, ts == frameStep ? "" : " (frame shown is of step " + frameStep + ")");
        }
        Map<Integer, ArgbImage> thumbs = new LinkedHashMap<>();
        for (RememberedFrame f : moment.memory()) {
            ArgbImage t;
            synchronized (thumbnailCache) {
                t = thumbnailCache.get(f.frameStep());
            }
            if (t == null) {
                t = frames.rgbAt(f.frameStep()).map(img -> FrameImages.shrink(FrameImages.rgb(img), 4)).orElse(null);
                if (t != null) {
                    synchronized (thumbnailCache) {
                        thumbnailCache.put(f.frameStep(), t);
                    }
                }
            }
            if (t != null) {
                thumbs.put(f.frameStep(), t);
            }
        }
        return new MomentSnapshot(moment, map, frame, frameNote, heat, heatNote, min, max, thumbs, missing,
                r.history().memoryBytesSeries(), comparedMoment, inspector.inspect(r.history(), moment.step()));
    }

    private void apply(MomentSnapshot s) {
        RunMoment m = s.moment();
        snapshot.set(s);
        lastStep.set(Math.max(lastStep.get(), m.lastStep()));
        step.set(m.step());
        trajectoryPoints.set(m.step() + 1);
        LoadedRun r = run;
        if (r != null) {
            orbit.show(r, m);
            subtaskMarkers.set(r.history().subtaskStartSteps());
            writeTicks.set(r.history().writeSteps());
            if (r.history().memoryOperationCount() != memoryOperations.get().size()) {
                memoryOperations.set(r.history().memoryOperations());
            }
        }
        String subtask = m.subtaskIndex() < 0 ? "—" : (m.subtaskIndex() + 1) + "/" + m.subtaskCount() + " · " + m.goalLabel();
        statusLine.set(String.format(Locale.ROOT, "step %d / %d  |  subtask %s  |  action %s (%s)  |  memory %d frames · %d tokens"
                        + " · %.1f KB  |  SR %s · SPL %s",
                m.step(), m.lastStep(), subtask, m.action(), m.mode().wireName(), m.memory().size(), m.memoryTokens(),
                m.memoryBytes() / 1024.0, fmt(m.successRate()), fmt(m.meanSpl()))
                + (s.comparedMoment() == null ? "" : String.format(Locale.ROOT, "  ||  B: step %d · memory %d frames · SR %s",
                s.comparedMoment().step(), s.comparedMoment().memory().size(), fmt(s.comparedMoment().successRate()))));
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The object under a pixel of the map image, for the hover label. */
    public Optional<SceneObject> objectAtMapPixel(double x, double y) {
        MomentMap m = mapRenderer;
        return m == null ? Optional.empty() : m.objectAt(x, y);
    }

    /** The live run's or the recording's decision latencies (step → ms); empty for recordings. */
    public java.util.NavigableMap<Integer, Double> decisionLatencies() {
        LoadedRun r = run;
        return r == null ? new java.util.TreeMap<>() : r.history().decisionLatencies();
    }

    public Optional<LoadedRun> loadedRun() {
        return Optional.ofNullable(run);
    }

    private void closePlayback() {
        PlaybackEngine e = engine;
        engine = null;
        if (e != null) {
            e.close();
        }
        FileEpisodeSource s = playbackSource;
        playbackSource = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing a reader we are done with; nothing to recover
            }
        }
    }

    /** Stops playback and releases the run's files and models. */
    public void close() {
        stop();
        rerunStop.set(true);
        orbit.close();
        closePlayback();
        closeComparison();
        executor.execute("what-if", () -> {
            if (whatIf != null) {
                whatIf.close();
            }
        });
    }

    /** The 3D orbit view, following the playhead. */
    public OrbitViewModel orbit() {
        return orbit;
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lastStepProperty() {
        return lastStep.getReadOnlyProperty();
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

    public ReadOnlyStringProperty runDescriptionProperty() {
        return runDescription.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public BooleanProperty followLiveProperty() {
        return followLive;
    }

    public ObjectProperty<FrameChannel> channelProperty() {
        return channel;
    }

    public ReadOnlyObjectProperty<MomentSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Counterfactual> counterfactualProperty() {
        return counterfactual.getReadOnlyProperty();
    }

    /** The comparison table while a second run is open (null otherwise). */
    public ReadOnlyObjectProperty<ComparisonTable> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty comparedDescriptionProperty() {
        return comparedDescription.getReadOnlyProperty();
    }

    /** The recording shown, if any (not a live run). */
    public Optional<Path> runFile() {
        return Optional.ofNullable(runFile);
    }

    public ReadOnlyObjectProperty<List<Integer>> subtaskMarkersProperty() {
        return subtaskMarkers.getReadOnlyProperty();
    }

    /** Every memory operation of the run shown (the timeline's coloured ticks). */
    public ReadOnlyObjectProperty<List<MemoryOperation>> memoryOperationsProperty() {
        return memoryOperations.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Integer>> writeTicksProperty() {
        return writeTicks.getReadOnlyProperty();
    }

    /** The map image at the playhead (null before the first render). */
    public ArgbImage map() {
        MomentSnapshot s = snapshot.get();
        return s == null ? null : s.map();
    }
}
