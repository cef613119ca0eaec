package org.memnav.scenes.layout;

import org.memnav.scenes.layout.PlanBuilder.Partition;
import org.memnav.scenes.layout.PlanBuilder.RoomRect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small-office floor plans of 5 to 12 rooms: a corridor along the building with rooms on both
 * sides (offices, a meeting room, a break room, a bathroom, sometimes a print room), each with a
 * door onto the corridor, and often a reception at one end.
 */
final class OfficePlanner {

    private static final double MIN_ROOM = 2.6;
    private static final double DOOR = 0.95;
    private static final int MAX_ROOMS_PER_SIDE = 5;

    FloorPlan plan(SplittableRandom rnd) {
        double width = PlanBuilder.round(14 + rnd.nextDouble() * 8);
        double depth = PlanBuilder.round(9 + rnd.nextDouble() * 3.5);
        double corridor = PlanBuilder.round(1.6 + rnd.nextDouble() * 0.4);
        double northDepth = PlanBuilder.round(3.0 + rnd.nextDouble() * (depth - corridor - 6.0));
        double c0 = northDepth;
        double c1 = PlanBuilder.round(northDepth + corridor);
        boolean reception = rnd.nextInt(3) > 0;
        double start = reception ? PlanBuilder.round(3.2 + rnd.nextDouble() * 1.4) : 0;
        PlanBuilder plan = new PlanBuilder(width, depth);
        if (reception) {
            Partition lobby = plan.addPartition(true, start, 0, depth);
            plan.addDoor(lobby, (c0 + c1) / 2, Math.min(1.4, corridor - 0.15));
        }
        Partition north = plan.addPartition(false, c0, start, width);
        Partition south = plan.addPartition(false, c1, start, width);
        List<RoomRect> side = new ArrayList<>();
        side.addAll(strip(plan, north, start, width, 0, c0, rnd));
        side.addAll(strip(plan, south, start, width, c1, depth, rnd));
        plan.addRoom(new RoomRect("corridor", start, c0, width, c1));
        if (reception) {
            plan.addRoom(new RoomRect("reception", 0, 0, start, depth));
        }
        List<RoomRect> byArea = new ArrayList<>(side);
        byArea.sort(Comparator.comparingDouble(RoomRect::area).reversed());
        List<String> types = new ArrayList<>();
        for (int i = 0; i < byArea.size(); i++) {
            types.add("office");
        }
        types.set(0, "meeting room");
        types.set(byArea.size() - 1, "bathroom");
        int breakRoom = 1 + rnd.nextInt(Math.max(1, byArea.size() - 2));
        types.set(breakRoom, "break room");
        if (byArea.size() >= 6) {
            int print = 1 + rnd.nextInt(byArea.size() - 2);
            if (print != breakRoom) {
                types.set(print, "print room");
            }
        }
        for (int i = 0; i < byArea.size(); i++) {
            RoomRect g = byArea.get(i);
            plan.addRoom(new RoomRect(types.get(i), g.minX(), g.minZ(), g.maxX(), g.maxZ()));
        }
        return plan.build(new RoomFinishes(), rnd);
    }

    /** Cuts one side of the corridor into at most 5 rooms of 2.6 m or wider, each with a door onto the corridor. */
    private static List<RoomRect> strip(PlanBuilder plan, Partition corridorWall, double x0, double x1, double z0,
                                        double z1, SplittableRandom rnd) {
        List<RoomRect> rooms = new ArrayList<>();
        double a = x0;
        while (x1 - a > 0.01) {
            double left = x1 - a;
            boolean last = left < 2 * MIN_ROOM || rooms.size() == MAX_ROOMS_PER_SIDE - 1;
            double w = last ? left : Math.min(left - MIN_ROOM, MIN_ROOM + 0.4 + rnd.nextDouble() * 2.2);
            double b = PlanBuilder.round(a + w);
            if (a > x0) {
                plan.addPartition(true, a, z0, z1);
            }
            double door = Math.min(DOOR, b - a - 0.8);
            plan.addDoor(corridorWall, a + 0.4 + door / 2 + rnd.nextDouble() * Math.max(0, b - a - door - 0.8), door);
            rooms.add(new RoomRect("", a, z0, b, z1));
            a = b;
        }
        return rooms;
    }
}
