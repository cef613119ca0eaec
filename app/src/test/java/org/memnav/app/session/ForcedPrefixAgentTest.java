package org.memnav.app.session;

import org.junit.jupiter.api.Test;
import org.memnav.inference.agent.Decision;
import org.memnav.inference.agent.ExploredMap;
import org.memnav.inference.agent.MemoryStats;
import org.memnav.inference.agent.NavigationAgent;
import org.memnav.inference.agent.NavigationMode;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Teacher forcing without a simulator: a scripted agent, a recorded prefix. */
class ForcedPrefixAgentTest {

    /** Always turns left and notes what it saw, so the test can tell whose action was executed. */
    private static class ScriptedAgent implements NavigationAgent {
        final List<Integer> seenSteps = new ArrayList<>();
        final ExploredMap map = new ExploredMap(new Vec3(0, 0, 0), 4, 0.5);
        int episodes;

        @Override
        public void startEpisode(EpisodeSpec spec) {
            episodes++;
        }

        @Override
        public AgentStep act(Observation observation) {
            seenSteps.add(observation.step());
            return new AgentStep(Action.TURN_LEFT, null, null);
        }

        @Override
        public NavigationMode mode() {
            return NavigationMode.MEMORY_GUIDED;
        }

        @Override
        public Vec3 target() {
            return new Vec3(1, 0, 2);
        }

        @Override
        public ExploredMap exploredMap() {
            return map;
        }

        @Override
        public MemoryStats memoryStats() {
            return new MemoryStats(3, 12, 96, 4);
        }
    }

    private static Observation at(int step) {
        return new Observation(step, new Pose(new Vec3(step, 0, 0), 0), false, null, null, null,
                new EpisodeStatus(0, 1, step, false, null));
    }

    private static EpisodeSpec episode() {
        return new EpisodeSpec("ep", "scene", 7, new Pose(new Vec3(0, 0, 0), 0), List.of());
    }

    @Test
    void executesTheRecordedActionsFirstThenTheAgentsOwn() {
        ScriptedAgent agent = new ScriptedAgent();
        ForcedPrefixAgent forced = new ForcedPrefixAgent(agent, List.of(Action.MOVE_FORWARD, Action.TURN_RIGHT, Action.MOVE_FORWARD));
        forced.startEpisode(episode());
        List<Action> executed = new ArrayList<>();
        for (int step = 0; step < 5; step++) {
            assertThat(forced.forcing()).isEqualTo(step < 3);
            executed.add(forced.act(at(step)).action());
        }
        assertThat(executed).containsExactly(Action.MOVE_FORWARD, Action.TURN_RIGHT, Action.MOVE_FORWARD,
                Action.TURN_LEFT, Action.TURN_LEFT);
        assertThat(agent.seenSteps).containsExactly(0, 1, 2, 3, 4); // it observed every step, forced or not
        assertThat(forced.steps()).isEqualTo(5);
    }

    @Test
    void keepsTheAgentsOwnDecisionAndStateWhileForcing() {
        ScriptedAgent agent = new ScriptedAgent() {
            @Override
            public AgentStep act(Observation observation) {
                super.act(observation);
                return new AgentStep(Action.STOP, new Decision(0, NavigationMode.EXPLORATION, new Vec3(2, 0, 3), List.of(),
                        "scripted"), null);
            }
        };
        ForcedPrefixAgent forced = new ForcedPrefixAgent(agent, List.of(Action.TURN_RIGHT));
        forced.startEpisode(episode());
        NavigationAgent.AgentStep step = forced.act(at(0));
        assertThat(step.action()).isEqualTo(Action.TURN_RIGHT);
        assertThat(step.decision().reason()).isEqualTo("scripted");
        assertThat(forced.mode()).isEqualTo(NavigationMode.MEMORY_GUIDED);
        assertThat(forced.target()).isEqualTo(new Vec3(1, 0, 2));
        assertThat(forced.exploredMap()).isSameAs(agent.map);
        assertThat(forced.memoryStats().frames()).isEqualTo(3);
    }

    @Test
    void everyEpisodeStartsForcingAgain() {
        ScriptedAgent agent = new ScriptedAgent();
        ForcedPrefixAgent forced = new ForcedPrefixAgent(agent, List.of(Action.MOVE_FORWARD));
        forced.startEpisode(episode());
        forced.act(at(0));
        assertThat(forced.act(at(1)).action()).isEqualTo(Action.TURN_LEFT);
        forced.startEpisode(episode());
        assertThat(forced.act(at(0)).action()).isEqualTo(Action.MOVE_FORWARD);
        assertThat(agent.episodes).isEqualTo(2);
    }
}
