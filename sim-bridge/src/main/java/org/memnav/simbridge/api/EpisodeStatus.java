package org.memnav.simbridge.api;

/**
 * Where the episode stands after a step. {@code lastOutcome} is set only on the step that ended a
 * subtask (by subtask_stop or by running out of actions); {@code episodeOver} once the last one ended.
 */
public record EpisodeStatus(int subtaskIndex, int subtaskCount, int actionsInSubtask, boolean episodeOver,
                            SubtaskOutcome lastOutcome) {
}
