package org.memnav.recordings;

import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * One {@code /memory/tiers} message: the three tiers of a tiered memory (Mem-alpha arm) at {@code step}, for the
 * memory inspector. Core: subtask, goal, agent pose and target ({@code agent} and {@code target} may be null);
 * episodic: the frames held and recent time-stamped events; semantic: goal -> place facts.
 */
public record MemoryTiers(int step, int subtask, String goal, Pose agent, Vec3 target, List<EpisodicFrame> episodicFrames,
                          List<EpisodicEvent> episodicEvents, List<SemanticFact> semantic) {

    public MemoryTiers {
        if (step < 0) {
            throw new IllegalArgumentException("memory tiers at negative step " + step);
        }
        goal = goal == null ? "" : goal;
        episodicFrames = List.copyOf(episodicFrames);
        episodicEvents = List.copyOf(episodicEvents);
        semantic = List.copyOf(semantic);
    }

    public record EpisodicFrame(long frameId, int step, Pose pose) {
    }

    public record EpisodicEvent(int step, String text) {
    }

    /** "goal is at place", backed by {@code support} stops; {@code frameId} the remembered frame behind it. */
    public record SemanticFact(String goal, Vec3 place, int support, long frameId, int updatedStep) {
    }
}
