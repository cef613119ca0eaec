package org.memnav.scenes.layout;

import java.util.List;

/**
 * A whole scene: the floor plan in metres with x in [0, width) and z in [0, depth), its rooms,
 * walls (door gaps are simply absent wall) and objects. This is what scene JSON files hold.
 */
public record SceneLayout(String sceneId, long seed, double width, double depth, double wallHeight, List<Room> rooms,
                          List<WallSegment> walls, List<PlacedObject> objects) {
    public SceneLayout {
        rooms = List.copyOf(rooms);
        walls = List.copyOf(walls);
        objects = List.copyOf(objects);
    }

    public Room roomAt(double x, double z) {
        for (Room r : rooms) {
            if (r.contains(x, z)) {
                return r;
            }
        }
        return null;
    }

    public Room room(String id) {
        return rooms.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }
}
