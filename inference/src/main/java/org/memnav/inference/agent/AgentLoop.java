package org.memnav.inference.agent;

import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.SubtaskOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Drives one lifelong episode: observe → agent → simulator step, reporting every step to a listener. */
public final class AgentLoop {

    private final SimBackend sim;
    private final NavigationAgent agent;

    public AgentLoop(SimBackend sim, NavigationAgent agent) {
        this.sim = sim;
        this.agent = agent;
    }

    /** Runs until the episode ends or {@code stopRequested} says so (checked before each step). */
    public EpisodeResult runEpisode(EpisodeRequest request, StepListener listener, BooleanSupplier stopRequested) {
        long t0 = System.nanoTime();
        EpisodeStart start = sim.newEpisode(request);
        agent.startEpisode(start.spec());
        listener.onEpisodeStart(start.spec(), start.observation());
        Observation obs = start.observation();
        List<SubtaskOutcome> outcomes = new ArrayList<>();
        int steps = 0;
        boolean stopped = false;
        while (!obs.status().episodeOver()) {
            if (stopRequested.getAsBoolean()) {
                stopped = true;
                break;
            }
            NavigationAgent.AgentStep act = agent.act(obs);
            obs = sim.step(act.action());
            steps++;
            if (obs.status().lastOutcome() != null) {
                outcomes.add(obs.status().lastOutcome());
            }
            listener.onStep(new StepEvent(start.spec().episodeId(), act.action(), obs, agent.mode(), agent.target(),
                    act.decision(), agent.memoryStats(), act.encoded() == null ? 0 : act.encoded().latencyMs(), agent.exploredMap(),
                    act.latency(), act.encoded(), act.memoryWrite(), act.memoryEvents(), act.tiers()));
        }
        EpisodeResult result = new EpisodeResult(start.spec(), outcomes, steps, (System.nanoTime() - t0) / 1e9, stopped);
        listener.onEpisodeEnd(result);
        return result;
    }
}
