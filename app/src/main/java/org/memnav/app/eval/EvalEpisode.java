package org.memnav.app.eval;

/** One lifelong episode of an evaluation: a held-out scene and the episode seed. */
public record EvalEpisode(String sceneRef, long episodeSeed) {
}
