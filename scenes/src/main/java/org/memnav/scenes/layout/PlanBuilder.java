package org.memnav.scenes.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Collects room rectangles, the partition lines between them and the doors in those lines, then
 * emits wall blocks (partitions minus door gaps, plus the outer walls) and doors that name the
 * rooms they join. Partitions are centred on room boundaries, so a wall eats half its thickness
 * from each room.
 */
final class PlanBuilder {

    static final double WALL = 0.1;
    static final double WALL_HEIGHT = 2.5;
    static final double DOOR_HEIGHT = 2.1;
    private static final int OUTER_WALL_RGB = 0xD8D2C8;

    /** A straight wall line: along z at x = at (alongZ) or along x at z = at, from lo to hi. */
    record Partition(boolean alongZ, double at, double lo, double hi) {
    }

    private record Gap(Partition partition, double centre, double width) {
    }

    record RoomRect(String type, double minX, double minZ, double maxX, double maxZ) {
        double width() {
            return maxX - minX;
        }

        double depth() {
            return maxZ - minZ;
        }

        double area() {
            return width() * depth();
        }
    }

    private final double width;
    private final double depth;
    private final List<RoomRect> rooms = new ArrayList<>();
    private final List<Partition> partitions = new ArrayList<>();
    private final List<Gap> gaps = new ArrayList<>();

    PlanBuilder(double width, double depth) {
        this.width = width;
        this.depth = depth;
    }

    void addRoom(RoomRect room) {
        rooms.add(room);
    }

    List<RoomRect> rooms() {
        return rooms;
    }

    Partition addPartition(boolean alongZ, double at, double lo, double hi) {
        Partition p = new Partition(alongZ, round(at), round(lo), round(hi));
        partitions.add(p);
        return p;
    }

    void addDoor(Partition partition, double centre, double doorWidth) {
        gaps.add(new Gap(partition, round(centre), doorWidth));
    }

    /** Door centres already placed in partitions parallel to {@code alongZ}, as {at, centre, width}. */
    List<double[]> doorsIn(boolean alongZ) {
        List<double[]> out = new ArrayList<>();
        for (Gap g : gaps) {
            if (g.partition.alongZ == alongZ) {
                out.add(new double[]{g.partition.at, g.centre, g.width});
            }
        }
        return out;
    }

    /** Builds the plan; rooms get ids in the order given and their finishes from {@code finishes}. */
    FloorPlan build(RoomFinishes finishes, SplittableRandom rnd) {
        List<Room> built = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            RoomRect r = rooms.get(i);
            built.add(finishes.finish("room" + i, r, rnd));
        }
        List<WallSegment> walls = new ArrayList<>();
        for (Partition p : partitions) {
            List<Gap> mine = gaps.stream().filter(g -> g.partition == p)
                    .sorted(Comparator.comparingDouble(Gap::centre)).toList();
            double from = p.lo;
            for (Gap g : mine) {
                addWall(walls, p, from, g.centre - g.width / 2);
                from = g.centre + g.width / 2;
            }
            addWall(walls, p, from, p.hi);
        }
        walls.add(new WallSegment(-WALL, -WALL, width + WALL, 0, WALL_HEIGHT, OUTER_WALL_RGB));
        walls.add(new WallSegment(-WALL, depth, width + WALL, depth + WALL, WALL_HEIGHT, OUTER_WALL_RGB));
        walls.add(new WallSegment(-WALL, 0, 0, depth, WALL_HEIGHT, OUTER_WALL_RGB));
        walls.add(new WallSegment(width, 0, width + WALL, depth, WALL_HEIGHT, OUTER_WALL_RGB));
        List<Door> doors = new ArrayList<>();
        for (Gap g : gaps) {
            double x = g.partition.alongZ ? g.partition.at : g.centre;
            double z = g.partition.alongZ ? g.centre : g.partition.at;
            double off = 0.3;
            Room a = roomAt(built, g.partition.alongZ ? x - off : x, g.partition.alongZ ? z : z - off);
            Room b = roomAt(built, g.partition.alongZ ? x + off : x, g.partition.alongZ ? z : z + off);
            doors.add(new Door(x, z, g.width, DOOR_HEIGHT, g.partition.alongZ ? "z" : "x",
                    a == null ? "" : a.id(), b == null ? "" : b.id()));
        }
        return new FloorPlan(width, depth, built, walls, doors);
    }

    private static Room roomAt(List<Room> rooms, double x, double z) {
        for (Room r : rooms) {
            if (r.contains(x, z)) {
                return r;
            }
        }
        return null;
    }

    private static void addWall(List<WallSegment> walls, Partition p, double from, double to) {
        if (to - from < 0.02) {
            return;
        }
        double h = WALL / 2;
        if (p.alongZ) {
            walls.add(new WallSegment(round(p.at - h), round(from), round(p.at + h), round(to), WALL_HEIGHT, OUTER_WALL_RGB));
        } else {
            walls.add(new WallSegment(round(from), round(p.at - h), round(to), round(p.at + h), WALL_HEIGHT, OUTER_WALL_RGB));
        }
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
