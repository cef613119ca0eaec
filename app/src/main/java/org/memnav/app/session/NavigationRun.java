package org.memnav.app.session;

import org.memnav.inference.agent.AgentLoop;
import org.memnav.inference.agent.EpisodeResult;
import org.memnav.inference.agent.NavigationAgent;
import org.memnav.inference.arms.AgentArm;
import org.memnav.inference.arms.AgentArms;
import org.memnav.inference.arms.ArmSettings;
import org.memnav.inference.goal.SentenceEmbedder;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.ModelLocator;
import org.memnav.inference.pipeline.MemoryPipeline;
import org.memnav.inference.pipeline.PipelineManifests;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SimBackend;

import org.memnav.inference.agent.LiveSettings;
import org.memnav.inference.agent.MemoryNavigationAgent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * One navigation run as the CLI and the workbench start it: connect to the simulator, load the
 * scene and the learned pipeline (encoder, compressor at the chosen rate, goal encoders, policy),
 * build the chosen agent arm and drive the requested episodes, telling {@code listener} everything.
 * The listener hears {@link RunListener#onRunEnd()} even when the run fails (a broken model, a dead
 * simulator), so a recording is always closed properly with what it already holds.
 */
public final class NavigationRun {

    private final RunSettings settings;
    private final UnaryOperator<NavigationAgent> agentWrapper;
    /** The running learned agent when it takes live settings (astranav, frontier), else null. */
    private volatile MemoryNavigationAgent liveAgent;
    /** Pipelines at other rates, opened on a live request and closed with the run (guarded by itself). */
    private final Map<Integer, MemoryPipeline> otherRates = new HashMap<>();
    private MemoryPipeline runPipeline;
    private boolean ended;

    public NavigationRun(RunSettings settings) {
        this(settings, UnaryOperator.identity());
    }

    /** A run whose agent arm is wrapped before it drives (a re-run forces the recorded actions first). */
    public NavigationRun(RunSettings settings, UnaryOperator<NavigationAgent> agentWrapper) {
        this.settings = settings;
        this.agentWrapper = agentWrapper;
    }

    /** The pipeline's manifests for these settings: the shipped models at the rate, with the chosen encoder. */
    public static PipelineManifests manifests(RunSettings settings) {
        ModelLocator models = ModelLocator.withOverride(ProjectPaths.home(), System.getProperty(ModelLocator.MODELS_DIR_PROPERTY));
        return PipelineManifests.shipped(models, settings.rate()).withEncoder(settings.encoderManifest());
    }

    public List<EpisodeResult> execute(RunListener listener, BooleanSupplier stopRequested) {
        List<EpisodeResult> results = new ArrayList<>();
        try {
            AgentArm arm = AgentArms.standard().get(settings.agent());
            try (SimulatorConnection connection = SimulatorConnection.open(settings.simEndpoint());
                 MemoryPipeline pipeline = MemoryPipeline.open(manifests(settings), new InferenceRuntime(), SentenceEmbedder::new)) {
                SimBackend sim = connection.backend();
                SceneInfo scene = sim.loadScene(settings.sceneRef());
                listener.onRunStart(new RunContext(connection.address(), sim.capabilities(), scene, sim.navigabilityMap(),
                        pipeline.executionProvider(), pipeline.encoder().name(), settings));
                NavigationAgent created = arm.create(sim, scene, pipeline, new ArmSettings(settings.rate(), settings.memoryLength()));
                synchronized (otherRates) {
                    runPipeline = pipeline;
                }
                if (created instanceof MemoryNavigationAgent m && m.acceptsLiveSettings()) {
                    liveAgent = m;
                }
                NavigationAgent agent = agentWrapper.apply(created);
                AgentLoop loop = new AgentLoop(sim, agent);
                for (int e = 0; e < settings.episodes() && !stopRequested.getAsBoolean(); e++) {
                    results.add(loop.runEpisode(new EpisodeRequest(settings.seed() + e, settings.subtasks()), listener,
                            stopRequested));
                }
            }
        } finally {
            liveAgent = null;
            closeOtherRates();
            listener.onRunEnd();
        }
        return results;
    }

    /**
     * Asks the running agent for {@code rate} and {@code memoryLength} from its next step on (the what-if sliders
     * on a live run). Opens the shipped compressor and policy at a new rate here (the encoder and goal heads are shared with the
     * run's pipeline), on the caller's thread (never the FX thread), once per rate. Returns null when asked, else why not (another arm, no run yet, the run ended).
     */
    public String requestSettings(int rate, int memoryLength) {
        MemoryPipeline atRate;
        MemoryNavigationAgent agent;
        synchronized (otherRates) {
            if (ended) {
                return "the run has ended";
            }
            agent = liveAgent;
            if (agent == null) {
                return "apply to astranav and frontier live runs only";
            }
            atRate = rate == runPipeline.rate() ? runPipeline : otherRates.computeIfAbsent(rate, r ->
                    runPipeline.atRate(manifests(withRate(r)), new InferenceRuntime()));
        }
        agent.requestSettings(new LiveSettings(atRate, memoryLength));
        return null;
    }

    /** The live settings the agent applied and the step they apply from; null before any (or for other arms). */
    public LiveSettings.Applied appliedSettings() {
        MemoryNavigationAgent agent = liveAgent;
        return agent == null ? null : agent.appliedSettings();
    }

    private RunSettings withRate(int rate) {
        return new RunSettings(settings.simEndpoint(), settings.sceneRef(), settings.seed(), settings.episodes(),
                settings.subtasks(), settings.memoryLength(), settings.encoderManifest(), settings.recording(),
                settings.agent(), rate);
    }

    private void closeOtherRates() {
        synchronized (otherRates) {
            ended = true;
            otherRates.values().forEach(MemoryPipeline::close);
            otherRates.clear();
        }
    }
}
