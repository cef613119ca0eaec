package org.memnav.renderers.map;

/** A point on the floor plane, in metres (x right, z down the map). */
public record WorldPoint(double x, double z) {
}
