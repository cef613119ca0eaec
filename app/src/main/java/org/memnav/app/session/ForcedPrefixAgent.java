package org.memnav.app.session;

import org.memnav.inference.agent.ExploredMap;
import org.memnav.inference.agent.MemoryStats;
import org.memnav.inference.agent.NavigationAgent;
import org.memnav.inference.agent.NavigationMode;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Vec3;

import java.util.List;
import java.util.Objects;

/**
 * Teacher forcing for a re-run: the wrapped agent sees every observation and decides every step (so its memory
 * and explored map are built as in the recording), but for its first {@code prefix.size()} steps of each episode
 * the recorded action is executed instead of its own; from then on it acts on its own.
 */
public final class ForcedPrefixAgent implements NavigationAgent {

    private final NavigationAgent agent;
    private final List<Action> prefix;
    private int steps;

    /** @param prefix the actions to execute at steps 0, 1, … (the action decided on observation {@code i}) */
    public ForcedPrefixAgent(NavigationAgent agent, List<Action> prefix) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.prefix = List.copyOf(prefix);
    }

    /** Steps of this episode acted so far. */
    public int steps() {
        return steps;
    }

    /** Whether the next step still executes a recorded action. */
    public boolean forcing() {
        return steps < prefix.size();
    }

    @Override
    public void startEpisode(EpisodeSpec spec) {
        steps = 0;
        agent.startEpisode(spec);
    }

    @Override
    public AgentStep act(Observation observation) {
        AgentStep own = agent.act(observation);
        int at = steps++;
        if (at >= prefix.size()) {
            return own;
        }
        return new AgentStep(prefix.get(at), own.decision(), own.encoded(), own.latency(), own.memoryWrite(),
                own.memoryEvents(), own.tiers());
    }

    @Override
    public NavigationMode mode() {
        return agent.mode();
    }

    @Override
    public Vec3 target() {
        return agent.target();
    }

    @Override
    public ExploredMap exploredMap() {
        return agent.exploredMap();
    }

    @Override
    public MemoryStats memoryStats() {
        return agent.memoryStats();
    }
}
