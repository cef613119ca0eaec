package org.memnav.scenes.layout;

import java.util.List;

/**
 * One kind of object the generator can place: its footprint (width across its front, depth front
 * to back) and height in metres before size variation, whether it stands against a wall, and the
 * colour names its instances are drawn from.
 */
public record ObjectCategory(String name, double width, double depth, double height, boolean againstWall,
                             List<String> colours) {
    public ObjectCategory {
        colours = List.copyOf(colours);
    }
}
