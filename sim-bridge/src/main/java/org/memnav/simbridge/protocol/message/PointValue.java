package org.memnav.simbridge.protocol.message;

import org.memnav.simbridge.api.Vec3;

/** snap_point params and result. */
public record PointValue(Vec3 point) {
}
