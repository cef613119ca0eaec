package org.memnav.simbridge.protocol.message;

/** load_scene params: a scene file path or {@code procedural:<kind>?seed=N}. */
public record LoadSceneParams(String scene) {
}
