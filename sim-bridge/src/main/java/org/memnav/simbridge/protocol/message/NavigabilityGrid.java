package org.memnav.simbridge.protocol.message;

/** The JSON part of navigability_map's result; the cells travel as the uint8 blob "cells" [height, width]. */
public record NavigabilityGrid(double originX, double originZ, double cellSizeM) {
}
