package org.memnav.simbridge.api;

/** Asks the simulator for a lifelong episode: a seeded start and a sequence of subtasks in the loaded scene. */
public record EpisodeRequest(long seed, int subtasks) {
    public EpisodeRequest {
        if (subtasks < 1) {
            throw new IllegalArgumentException("an episode needs at least one subtask, got " + subtasks);
        }
    }
}
