package org.memnav.simbridge.api;

/** Everything the simulator returns after one action. {@code semantic} is null when that sensor is off. */
public record Observation(int step, Pose pose, boolean collided, RgbImage rgb, DepthImage depth,
                          SemanticImage semantic, EpisodeStatus status) {
}
