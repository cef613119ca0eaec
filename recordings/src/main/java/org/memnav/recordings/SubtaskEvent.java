package org.memnav.recordings;

import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.SubtaskOutcome;

/**
 * One {@code /episode/subtask} message: a subtask started (with its goal) or ended (with its outcome).
 * {@code episodeIndex} counts the episodes of the recording from 0; recordings made before it was written
 * read back as episode 0 with the config's episode id.
 */
public sealed interface SubtaskEvent {
    int step();

    long logTimeNs();

    int episodeIndex();

    String episodeId();

    int subtaskIndex();

    Goal goal();

    record Started(int step, long logTimeNs, int episodeIndex, String episodeId, int subtaskIndex, Goal goal)
            implements SubtaskEvent {
    }

    record Ended(int step, long logTimeNs, int episodeIndex, String episodeId, SubtaskOutcome outcome)
            implements SubtaskEvent {
        @Override
        public int subtaskIndex() {
            return outcome.subtaskIndex();
        }

        @Override
        public Goal goal() {
            return outcome.goal();
        }
    }
}
