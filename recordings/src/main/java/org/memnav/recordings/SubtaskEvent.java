package org.memnav.recordings;

import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.SubtaskOutcome;

/** One {@code /episode/subtask} message: a subtask started (with its goal) or ended (with its outcome). */
public sealed interface SubtaskEvent {
    int step();

    long logTimeNs();

    int subtaskIndex();

    Goal goal();

    record Started(int step, long logTimeNs, int subtaskIndex, Goal goal) implements SubtaskEvent {
    }

    record Ended(int step, long logTimeNs, SubtaskOutcome outcome) implements SubtaskEvent {
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
