package org.memnav.scenes.layout;

import java.util.List;

/** The bare plan a floor-plan generator produces: rooms tiling [0,width) x [0,depth), walls and doors. */
record FloorPlan(double width, double depth, List<Room> rooms, List<WallSegment> walls, List<Door> doors) {
}
