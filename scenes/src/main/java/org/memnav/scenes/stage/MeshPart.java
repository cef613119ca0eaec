package org.memnav.scenes.stage;

/**
 * Triangles of one glTF node in world coordinates (metres, +y up): {@code triangles} holds 9 floats
 * (three x, y, z corners) per triangle; {@code rgb} is the primitive's base colour.
 */
public record MeshPart(String nodeName, float[] triangles, int rgb) {
}
