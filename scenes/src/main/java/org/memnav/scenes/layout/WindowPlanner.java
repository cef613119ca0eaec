package org.memnav.scenes.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Puts windows into the outside walls of rooms (not corridors or hallways). */
final class WindowPlanner {

    private static final double PANE = 0.03;
    private static final double EDGE = 0.45;

    List<WindowPane> place(FloorPlan plan, SplittableRandom rnd) {
        List<WindowPane> windows = new ArrayList<>();
        for (Room r : plan.rooms()) {
            if (r.type().equals("corridor") || r.type().equals("hallway")) {
                continue;
            }
            boolean bathroom = r.type().equals("bathroom");
            double chance = bathroom ? 0.5 : 0.85;
            double sill = bathroom ? 1.35 : PlanBuilder.round(0.8 + rnd.nextDouble() * 0.2);
            double top = PlanBuilder.round(2.0 + rnd.nextDouble() * 0.15);
            for (int side = 0; side < 4; side++) {
                boolean outside = switch (side) {
                    case 0 -> r.minZ() <= 1e-9;
                    case 1 -> r.maxZ() >= plan.depth() - 1e-9;
                    case 2 -> r.minX() <= 1e-9;
                    default -> r.maxX() >= plan.width() - 1e-9;
                };
                if (!outside || rnd.nextDouble() >= chance) {
                    continue;
                }
                double lo = side < 2 ? r.minX() : r.minZ();
                double hi = side < 2 ? r.maxX() : r.maxZ();
                int count = hi - lo > 4.5 && !bathroom ? 2 : 1;
                double segment = (hi - lo) / count;
                for (int k = 0; k < count; k++) {
                    double w = Math.min(0.8 + rnd.nextDouble() * 0.7, segment - 2 * EDGE);
                    if (w < 0.5) {
                        continue;
                    }
                    double a = lo + k * segment + EDGE + rnd.nextDouble() * (segment - 2 * EDGE - w);
                    double b = a + w;
                    windows.add(switch (side) {
                        case 0 -> pane(r, a, 0, b, PANE, sill, top);
                        case 1 -> pane(r, a, plan.depth() - PANE, b, plan.depth(), sill, top);
                        case 2 -> pane(r, 0, a, PANE, b, sill, top);
                        default -> pane(r, plan.width() - PANE, a, plan.width(), b, sill, top);
                    });
                }
            }
        }
        return windows;
    }

    private static WindowPane pane(Room r, double x0, double z0, double x1, double z1, double sill, double top) {
        return new WindowPane(r.id(), PlanBuilder.round(x0), PlanBuilder.round(z0), PlanBuilder.round(x1),
                PlanBuilder.round(z1), sill, top);
    }
}
