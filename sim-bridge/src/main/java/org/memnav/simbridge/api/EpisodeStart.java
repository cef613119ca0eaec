package org.memnav.simbridge.api;

/** What new_episode returns: the episode and the first observation at its start pose. */
public record EpisodeStart(EpisodeSpec spec, Observation observation) {
}
