package org.memnav.scenes.layout;

import java.util.List;

/**
 * A whole scene, as scene JSON files hold it (format {@value #FORMAT}, see scenes/README.md): the
 * floor plan in metres with x in [0, width) and z in [0, depth), its rooms, walls (door gaps are
 * absent wall), doors, windows and objects. {@code kind} and {@code seed} say what generated it.
 */
public record SceneLayout(String format, String sceneId, SceneKind kind, long seed, double width, double depth,
                          double wallHeight, List<Room> rooms, List<WallSegment> walls, List<Door> doors,
                          List<WindowPane> windows, List<PlacedObject> objects) {

    public static final String FORMAT = "memnav-scene/1";

    public SceneLayout {
        rooms = rooms == null ? null : List.copyOf(rooms);
        walls = walls == null ? null : List.copyOf(walls);
        doors = doors == null ? null : List.copyOf(doors);
        windows = windows == null ? null : List.copyOf(windows);
        objects = objects == null ? null : List.copyOf(objects);
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

    public PlacedObject object(int instanceId) {
        return objects.stream().filter(o -> o.instanceId() == instanceId).findFirst().orElse(null);
    }

    /** The same scene with other objects (the generator drops objects the agent could not reach). */
    public SceneLayout withObjects(List<PlacedObject> newObjects) {
        return new SceneLayout(format, sceneId, kind, seed, width, depth, wallHeight, rooms, walls, doors, windows, newObjects);
    }
}
