package org.memnav.scenes.layout;

import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.scenes.nav.ViewPoints;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded procedural scenes: apartments (4 to 8 rooms) and small offices (5 to 12 rooms) with doors,
 * corridors, windows, finished walls and floors, and furniture of the {@link ObjectCatalogue}'s
 * categories. The same kind and seed always give the same scene, byte for byte once written as
 * JSON. An attempt in which some room is unreachable for the agent's radius is thrown away and
 * the next one (from a seed derived from the attempt number) is tried; objects the agent could
 * not get within view-point distance of are left out.
 */
public final class SceneGenerator {

    private static final double CELL = 0.05;
    private static final int ATTEMPTS = 50;
    private static final int MIN_OBJECTS = 8;

    private final double agentRadius;

    public SceneGenerator(double agentRadius) {
        this.agentRadius = agentRadius;
    }

    public SceneLayout generate(SceneKind kind, long seed) {
        if (kind == SceneKind.IMPORTED) {
            throw new IllegalArgumentException("imported scenes come from a .glb file, not from a seed");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + attempt * 7_919L + kind.ordinal() * 104_729L);
            FloorPlan plan = kind == SceneKind.OFFICE ? new OfficePlanner().plan(rnd) : new ApartmentPlanner().plan(rnd);
            List<WindowPane> windows = new WindowPlanner().place(plan, rnd);
            List<PlacedObject> objects = new FurniturePlanner(plan, windows, agentRadius, rnd).furnish();
            SceneLayout layout = new SceneLayout(SceneLayout.FORMAT, kind.wireName() + "-" + seed, kind, seed, plan.width(),
                    plan.depth(), PlanBuilder.WALL_HEIGHT, plan.rooms(), plan.walls(), plan.doors(), windows, objects);
            SceneLayout reachable = keepReachable(layout);
            if (reachable != null && reachable.objects().size() >= MIN_OBJECTS) {
                return reachable;
            }
        }
        throw new IllegalStateException("could not generate a connected " + kind.wireName() + " for seed " + seed);
    }

    /**
     * Drops objects with no view point on the agent's island and renumbers the rest from 1; null
     * when some room has no navigable cell (a door is blocked, the attempt is discarded).
     */
    private SceneLayout keepReachable(SceneLayout layout) {
        OccupancyGrid grid = OccupancyGrid.build(layout, agentRadius, CELL);
        for (Room r : layout.rooms()) {
            if (!grid.anyNavigableIn(r.minX(), r.minZ(), r.maxX(), r.maxZ())) {
                return null;
            }
        }
        List<PlacedObject> kept = new ArrayList<>();
        for (PlacedObject o : layout.objects()) {
            if (!ViewPoints.cells(grid, o).isEmpty()) {
                kept.add(o);
            }
        }
        if (kept.size() == layout.objects().size()) {
            return layout;
        }
        List<PlacedObject> renumbered = new ArrayList<>();
        for (PlacedObject o : kept) {
            renumbered.add(new PlacedObject(renumbered.size() + 1, o.category(), o.colour(), o.size(), o.roomId(),
                    o.centreX(), o.centreZ(), o.width(), o.depth(), o.height(), o.rgb(), o.facingDeg()));
        }
        // Removing objects only frees cells, so rooms stay reachable and kept objects keep their view points.
        return layout.withObjects(renumbered);
    }
}
