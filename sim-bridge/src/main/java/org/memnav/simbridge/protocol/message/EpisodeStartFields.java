package org.memnav.simbridge.protocol.message;

import org.memnav.simbridge.api.EpisodeSpec;

/** new_episode result: the episode and the JSON part of its first observation (images as blobs). */
public record EpisodeStartFields(EpisodeSpec spec, ObservationFields observation) {
}
