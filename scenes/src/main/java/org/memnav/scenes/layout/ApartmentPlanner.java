package org.memnav.scenes.layout;

import org.memnav.scenes.layout.PlanBuilder.Partition;
import org.memnav.scenes.layout.PlanBuilder.RoomRect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Apartment floor plans of 4 to 8 rooms, in one of two shapes: rooms split recursively from the
 * outline with a door in every split wall (connected by construction), or a living room at one end
 * and a hallway with rooms on both sides, each with a door onto the hallway.
 */
final class ApartmentPlanner {

    private static final double MIN_ROOM = 2.4;
    private static final double DOOR = 0.95;

    FloorPlan plan(SplittableRandom rnd) {
        return rnd.nextInt(5) < 2 ? hallwayPlan(rnd) : splitPlan(rnd);
    }

    private record Region(double minX, double minZ, double maxX, double maxZ) {
        double area() {
            return (maxX - minX) * (maxZ - minZ);
        }
    }

    private FloorPlan splitPlan(SplittableRandom rnd) {
        double width = PlanBuilder.round(8 + rnd.nextDouble() * 5);
        double depth = PlanBuilder.round(7 + rnd.nextDouble() * 4);
        int target = 4 + rnd.nextInt(5);
        PlanBuilder plan = new PlanBuilder(width, depth);
        List<Region> regions = new ArrayList<>(List.of(new Region(0, 0, width, depth)));
        List<Region> done = new ArrayList<>();
        while (regions.size() + done.size() < target && !regions.isEmpty()) {
            regions.sort(Comparator.comparingDouble(Region::area).reversed());
            Region r = regions.remove(0);
            double w = r.maxX - r.minX;
            double d = r.maxZ - r.minZ;
            boolean splitX = Math.abs(w - d) < 1.0 ? rnd.nextBoolean() : w > d;
            if ((splitX ? w : d) < 2 * MIN_ROOM) {
                splitX = !splitX;
            }
            double lo = splitX ? r.minX : r.minZ;
            double hi = splitX ? r.maxX : r.maxZ;
            Double at = null;
            for (int attempt = 0; attempt < 12 && at == null && hi - lo >= 2 * MIN_ROOM; attempt++) {
                double candidate = PlanBuilder.round(lo + MIN_ROOM + rnd.nextDouble() * (hi - lo - 2 * MIN_ROOM));
                if (clearOfDoors(plan, r, splitX, candidate)) {
                    at = candidate;
                }
            }
            if (at == null) {
                done.add(r);
                continue;
            }
            double spanLo = splitX ? r.minZ : r.minX;
            double spanHi = splitX ? r.maxZ : r.maxX;
            Partition p = plan.addPartition(splitX, at, spanLo, spanHi);
            plan.addDoor(p, spanLo + 0.35 + DOOR / 2 + rnd.nextDouble() * (spanHi - spanLo - DOOR - 0.7), DOOR);
            if (splitX) {
                regions.add(new Region(r.minX, r.minZ, at, r.maxZ));
                regions.add(new Region(at, r.minZ, r.maxX, r.maxZ));
            } else {
                regions.add(new Region(r.minX, r.minZ, r.maxX, at));
                regions.add(new Region(r.minX, at, r.maxX, r.maxZ));
            }
        }
        regions.addAll(done);
        List<Region> byArea = new ArrayList<>(regions);
        byArea.sort(Comparator.comparingDouble(Region::area).reversed());
        List<String> types = new ArrayList<>(List.of("living room", "bedroom", "kitchen", "bedroom", "office", "bedroom",
                "office"));
        if (rnd.nextBoolean()) {
            types.set(1, "kitchen");
            types.set(2, "bedroom");
        }
        for (int i = 0; i < byArea.size(); i++) {
            Region g = byArea.get(i);
            String type = i == byArea.size() - 1 ? "bathroom" : types.get(Math.min(i, types.size() - 1));
            plan.addRoom(new RoomRect(type, g.minX, g.minZ, g.maxX, g.maxZ));
        }
        return plan.build(new RoomFinishes(), rnd);
    }

    /** A new wall across region r must not end in a door gap of the region's boundary walls. */
    private static boolean clearOfDoors(PlanBuilder plan, Region r, boolean splitX, double at) {
        // The new wall runs along z (splitX) from r.minZ to r.maxZ and meets walls that run along x.
        for (double[] door : plan.doorsIn(!splitX)) {
            double wallAt = door[0];
            boolean onBoundary = splitX ? (near(wallAt, r.minZ) || near(wallAt, r.maxZ))
                    : (near(wallAt, r.minX) || near(wallAt, r.maxX));
            if (onBoundary && Math.abs(door[1] - at) < door[2] / 2 + 0.4) {
                return false;
            }
        }
        return true;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-6;
    }

    private FloorPlan hallwayPlan(SplittableRandom rnd) {
        double width = PlanBuilder.round(10 + rnd.nextDouble() * 4);
        double depth = PlanBuilder.round(7.5 + rnd.nextDouble() * 3);
        double living = PlanBuilder.round(3.6 + rnd.nextDouble() * 1.6);
        double hall = PlanBuilder.round(1.3 + rnd.nextDouble() * 0.3);
        double northDepth = PlanBuilder.round(MIN_ROOM + 0.3 + rnd.nextDouble() * (depth - hall - 2 * MIN_ROOM - 0.6));
        double h0 = northDepth;
        double h1 = PlanBuilder.round(northDepth + hall);
        PlanBuilder plan = new PlanBuilder(width, depth);
        Partition livingWall = plan.addPartition(true, living, 0, depth);
        plan.addDoor(livingWall, (h0 + h1) / 2, Math.min(1.2, hall - 0.1));
        Partition north = plan.addPartition(false, h0, living, width);
        Partition south = plan.addPartition(false, h1, living, width);
        List<RoomRect> side = new ArrayList<>();
        side.addAll(splitStrip(plan, north, living, width, 0, h0, rnd));
        side.addAll(splitStrip(plan, south, living, width, h1, depth, rnd));
        side.sort(Comparator.comparingDouble(RoomRect::area).reversed());
        List<String> types = new ArrayList<>(List.of("kitchen", "bedroom", "bedroom", "office", "bedroom"));
        plan.addRoom(new RoomRect("living room", 0, 0, living, depth));
        plan.addRoom(new RoomRect("hallway", living, h0, width, h1));
        for (int i = 0; i < side.size(); i++) {
            RoomRect g = side.get(i);
            String type = i == side.size() - 1 ? "bathroom" : types.get(Math.min(i, types.size() - 1));
            plan.addRoom(new RoomRect(type, g.minX(), g.minZ(), g.maxX(), g.maxZ()));
        }
        return plan.build(new RoomFinishes(), rnd);
    }

    /** Cuts the strip [x0,x1] x [z0,z1] into 1 to 3 rooms, each with a door in the hallway wall. */
    static List<RoomRect> splitStrip(PlanBuilder plan, Partition hallWall, double x0, double x1, double z0, double z1,
                                     SplittableRandom rnd) {
        int max = (int) Math.min(3, Math.floor((x1 - x0) / MIN_ROOM));
        int n = 1 + rnd.nextInt(Math.max(1, max));
        List<Double> cuts = new ArrayList<>();
        cuts.add(x0);
        double remaining = x1 - x0;
        double at = x0;
        for (int i = 1; i < n; i++) {
            double room = remaining / (n - i + 1) * (0.8 + 0.4 * rnd.nextDouble());
            room = Math.max(MIN_ROOM, Math.min(room, remaining - (n - i) * MIN_ROOM));
            at = PlanBuilder.round(at + room);
            remaining = x1 - at;
            cuts.add(at);
        }
        cuts.add(x1);
        List<RoomRect> rooms = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            double a = cuts.get(i);
            double b = cuts.get(i + 1);
            if (i > 0) {
                plan.addPartition(true, a, z0, z1);
            }
            double door = Math.min(DOOR, b - a - 0.8);
            plan.addDoor(hallWall, a + 0.4 + door / 2 + rnd.nextDouble() * Math.max(0, b - a - door - 0.8), door);
            rooms.add(new RoomRect("", a, z0, b, z1));
        }
        return rooms;
    }
}
