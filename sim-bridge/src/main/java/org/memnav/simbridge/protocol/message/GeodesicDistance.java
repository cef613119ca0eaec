package org.memnav.simbridge.protocol.message;

/** geodesic_distance result; Infinity when the target is unreachable. */
public record GeodesicDistance(double distanceM) {
}
