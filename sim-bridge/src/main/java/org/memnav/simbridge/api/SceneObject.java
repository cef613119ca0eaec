package org.memnav.simbridge.api;

/**
 * A semantic annotation of the scene, as Habitat's semantic_scene exposes it. Agents may use the
 * id-to-category mapping (the semantic sensor's meaning); positions are for display and metrics.
 */
public record SceneObject(int instanceId, String category, String room, Vec3 center, Vec3 size) {
}
