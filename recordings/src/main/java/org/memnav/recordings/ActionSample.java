package org.memnav.recordings;

import org.memnav.simbridge.api.Action;

/** One {@code /agent/action} message: the action the agent chose at a step. */
public record ActionSample(int step, long logTimeNs, Action action) {
}
