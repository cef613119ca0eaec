package org.memnav.inference.policy;

import org.memnav.simbridge.api.Vec3;

/** A frontier candidate as the policy sees it: its navigable target point, geodesic metres away, and size in map cells. */
public record FrontierInput(Vec3 point, double geodesicM, int cells) {
}
