package org.memnav.inference.agent;

import org.memnav.inference.memory.FrameMemory;
import org.memnav.inference.strategy.MemoryEvent;
import org.memnav.inference.strategy.TierSnapshot;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * An agent the {@link AgentLoop} drives: told when a lifelong episode starts, then asked for one
 * action per observation. Implementations: {@link MemoryNavigationAgent} (the learned pipeline:
 * encoder, compressor, memory, goal encoders, policy) and {@link SemanticSensorAgent} (the walking
 * skeleton, which recognises goals through the simulator's semantic sensor).
 */
public interface NavigationAgent {

    /**
     * What the agent does this step and why; {@code decision} and {@code encoded} are null when none was made,
     * {@code memoryWrite} (the frame stored and the one evicted for it, for the recorder) when nothing was written;
     * {@code memoryEvents} every memory operation of the step (empty if none), {@code tiers} the memory tiers when
     * they changed (tiered strategies only, else null).
     */
    record AgentStep(Action action, Decision decision, FrameEncoder.EncodedFrame encoded, StageLatencies latency,
                     FrameMemory.WriteResult memoryWrite, List<MemoryEvent> memoryEvents, TierSnapshot tiers) {

        public AgentStep {
            memoryEvents = memoryEvents == null ? List.of() : List.copyOf(memoryEvents);
        }

        public AgentStep(Action action, Decision decision, FrameEncoder.EncodedFrame encoded, StageLatencies latency,
                         FrameMemory.WriteResult memoryWrite) {
            this(action, decision, encoded, latency, memoryWrite, List.of(), null);
        }

        public AgentStep(Action action, Decision decision, FrameEncoder.EncodedFrame encoded) {
            this(action, decision, encoded, StageLatencies.NONE);
        }

        public AgentStep(Action action, Decision decision, FrameEncoder.EncodedFrame encoded, StageLatencies latency) {
            this(action, decision, encoded, latency, null);
        }
    }

    void startEpisode(EpisodeSpec spec);

    AgentStep act(Observation observation);

    NavigationMode mode();

    /** Where the agent is heading, null when it has no target. */
    Vec3 target();

    /** The agent's own depth-built map (live: callers on the loop's thread may read it, copy what they keep). */
    ExploredMap exploredMap();

    MemoryStats memoryStats();
}
