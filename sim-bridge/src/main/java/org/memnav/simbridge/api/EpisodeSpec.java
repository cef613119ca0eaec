package org.memnav.simbridge.api;

import java.util.List;

/** A lifelong episode: one scene, one start pose, several goals visited in order without reset. */
public record EpisodeSpec(String episodeId, String sceneId, long seed, Pose start, List<Goal> goals) {
    public EpisodeSpec {
        goals = List.copyOf(goals);
    }
}
