package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.policy.PolicyScores;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * How the learned agent remembers: what it writes (write policies), what the policy reads at a decision
 * (retrieval, triggers, weaving) and what it keeps from decisions (landmarks, facts). The agent's exploration,
 * pipeline and follower are the same for every strategy; only this differs between memory arms. Every
 * operation becomes a {@link MemoryEvent} the agent hands to its step's listeners.
 */
public interface MemoryStrategy {

    /** A new lifelong episode: forget everything. */
    void startEpisode();

    /** Subtask {@code subtask} starts at {@code step}; {@code goalKey} names the goal (category or description). */
    void startSubtask(int step, int subtask, String goalKey, Pose agent);

    /** Before encoding: does the strategy want this step's frame at all? */
    boolean considersWrite(WriteCue cue);

    /** The encoded frame (id 0, not yet stored); returns whether it was written. */
    boolean offer(MemoryFrame candidate, PolicyProbe probe);

    /** The frames the policy scores at this decision (at least one when any was written). */
    List<MemoryFrame> recall(int step, Pose agent, PolicyProbe probe);

    /** What the policy chose among {@code frames} (the list {@link #recall} returned). */
    default void decided(int step, Pose agent, List<MemoryFrame> frames, PolicyScores scores, PolicyScores.Choice chosen,
                         Vec3 target) {
    }

    /** The agent re-checked a remembered goal on arrival at {@code target}; {@code confirmed} false: it was not there. */
    default void arrivalChecked(int step, Vec3 target, boolean confirmed) {
    }

    /** The agent stopped, believing it reached the goal ({@code memoryGuided}: it went where memory put it). */
    default void stopped(int step, Pose agent, boolean memoryGuided) {
    }

    MemoryFootprint footprint();

    /** The events since the last call, oldest first. */
    List<MemoryEvent> drainEvents();

    /** The tiers when they changed since the last call (Mem-alpha strategies only), else null. */
    default TierSnapshot drainTiers() {
        return null;
    }
}
