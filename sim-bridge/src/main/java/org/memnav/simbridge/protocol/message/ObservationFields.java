package org.memnav.simbridge.protocol.message;

import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.Pose;

/** The JSON part of an observation; the images travel as the blobs rgb, depth and semantic. */
public record ObservationFields(int step, Pose pose, boolean collided, EpisodeStatus status) {
}
