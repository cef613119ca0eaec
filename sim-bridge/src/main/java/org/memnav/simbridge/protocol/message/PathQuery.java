package org.memnav.simbridge.protocol.message;

import org.memnav.simbridge.api.Vec3;

/** geodesic_distance and shortest_path params. */
public record PathQuery(Vec3 from, Vec3 to) {
}
