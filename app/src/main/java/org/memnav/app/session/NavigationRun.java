package org.memnav.app.session;

import org.memnav.inference.agent.AgentLoop;
import org.memnav.inference.agent.EpisodeResult;
import org.memnav.inference.agent.NavigationAgent;
import org.memnav.inference.agent.OnnxFrameEncoder;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.PatchEncoder;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SimBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One navigation run as the CLI and the workbench start it: connect to the simulator, load the
 * scene and the encoder, and drive the requested episodes, telling {@code listener} everything.
 * The listener hears {@link RunListener#onRunEnd()} even when the run fails, so a recording is
 * always closed properly.
 */
public final class NavigationRun {

    private final RunSettings settings;

    public NavigationRun(RunSettings settings) {
        this.settings = settings;
    }

    public List<EpisodeResult> execute(RunListener listener, BooleanSupplier stopRequested) {
        List<EpisodeResult> results = new ArrayList<>();
        try (SimulatorConnection connection = SimulatorConnection.open(settings.simEndpoint());
             PatchEncoder encoder = PatchEncoder.open(settings.encoderManifest(), new InferenceRuntime())) {
            SimBackend sim = connection.backend();
            SceneInfo scene = sim.loadScene(settings.sceneRef());
            listener.onRunStart(new RunContext(connection.address(), sim.capabilities(), scene, sim.navigabilityMap(),
                    encoder.provider().label(), encoder.name(), settings));
            NavigationAgent agent = new NavigationAgent(sim, scene, new OnnxFrameEncoder(encoder), settings.memoryLength());
            AgentLoop loop = new AgentLoop(sim, agent);
            for (int e = 0; e < settings.episodes() && !stopRequested.getAsBoolean(); e++) {
                results.add(loop.runEpisode(new EpisodeRequest(settings.seed() + e, settings.subtasks()), listener,
                        stopRequested));
            }
        } finally {
            listener.onRunEnd();
        }
        return results;
    }
}
