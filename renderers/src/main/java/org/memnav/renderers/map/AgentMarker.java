package org.memnav.renderers.map;

/**
 * The agent's position and heading. Yaw follows Habitat: 0 faces -z (up on the map), positive
 * yaw turns counter-clockwise seen from above (towards -x, left on the map).
 */
public record AgentMarker(double x, double z, double yaw) {
}
