package org.memnav.simbridge.protocol.message;

import java.util.List;
import org.memnav.simbridge.api.Vec3;

/** shortest_path result: the points from start to end inclusive, empty when unreachable. */
public record PathPoints(List<Vec3> points) {
    public PathPoints {
        points = List.copyOf(points);
    }
}
