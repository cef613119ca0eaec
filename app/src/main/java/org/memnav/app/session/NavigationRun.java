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

import java.util.ArrayList;
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
                NavigationAgent agent = agentWrapper.apply(
                        arm.create(sim, scene, pipeline, new ArmSettings(settings.rate(), settings.memoryLength())));
                AgentLoop loop = new AgentLoop(sim, agent);
                for (int e = 0; e < settings.episodes() && !stopRequested.getAsBoolean(); e++) {
                    results.add(loop.runEpisode(new EpisodeRequest(settings.seed() + e, settings.subtasks()), listener,
                            stopRequested));
                }
            }
        } finally {
            listener.onRunEnd();
        }
        return results;
    }
}
