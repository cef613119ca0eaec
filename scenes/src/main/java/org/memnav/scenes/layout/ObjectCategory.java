package org.memnav.scenes.layout;

import java.util.List;

/**
 * One kind of object the generator can place: its footprint and height in metres (before size
 * variation) and the room types it belongs in.
 */
public record ObjectCategory(String name, double width, double depth, double height, boolean againstWall,
                             List<String> roomTypes) {
}
