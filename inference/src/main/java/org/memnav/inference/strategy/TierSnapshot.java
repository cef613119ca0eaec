package org.memnav.inference.strategy;

import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * The three memory tiers of the Mem-alpha arm at one step, for the memory inspector: core (the current goal and
 * the agent's state), episodic (time-stamped frames and events) and semantic (aggregated goal -> place facts).
 */
public record TierSnapshot(int step, Core core, List<EpisodicFrame> episodicFrames, List<EpisodicEvent> episodicEvents,
                           List<SemanticFact> semantic) {

    public TierSnapshot {
        episodicFrames = List.copyOf(episodicFrames);
        episodicEvents = List.copyOf(episodicEvents);
        semantic = List.copyOf(semantic);
    }

    /** Core tier: what the agent is doing now. {@code target} is null when it has none. */
    public record Core(int subtask, String goal, Pose agent, Vec3 target) {
    }

    /** A remembered frame: id, the step it was taken, where. */
    public record EpisodicFrame(long frameId, int step, Pose pose) {
    }

    /** Something that happened, time-stamped by step. */
    public record EpisodicEvent(int step, String text) {
    }

    /**
     * "goal is at place": {@code place} is the mean of the {@code support} stops that backed it; {@code frameId} the
     * remembered frame that led there (kept out of episodic eviction while the fact holds).
     */
    public record SemanticFact(String goal, Vec3 place, int support, long frameId, int updatedStep) {
    }
}
