package org.memnav.renderers.map;

/** A coloured point on the map (an object or a goal), colour as 0xAARRGGBB. */
public record MapMarker(double x, double z, int argb) {
}
