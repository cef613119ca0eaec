package org.memnav.recordings;

import org.memnav.simbridge.api.Pose;

/** One {@code /agent/pose} message: where the agent was after a step and whether that step collided. */
public record PoseSample(int step, long logTimeNs, Pose pose, boolean collided) {
}
