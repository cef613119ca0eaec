package org.memnav.scenes.episode;

import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.GridPathFinder;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * GOAT-style lifelong episodes: several goals in one scene without reset. Some later goals repeat an
 * earlier goal's category on purpose, so that an agent with memory can go straight back (the
 * lifelong signal: revisit vs first-visit SPL).
 */
public final class LifelongEpisodeGenerator {

    /** View points are navigable cells whose centre is within this distance of the object's footprint. */
    public static final double VIEW_POINT_RADIUS_M = 1.0;
    private static final double REVISIT_PROBABILITY = 0.3;

    private final SceneLayout layout;
    private final GridPathFinder pathFinder;

    public LifelongEpisodeGenerator(SceneLayout layout, GridPathFinder pathFinder) {
        this.layout = layout;
        this.pathFinder = pathFinder;
    }

    public record Episode(EpisodeSpec spec, List<GoalRegion> regions) {
    }

    public Episode generate(EpisodeRequest request) {
        SplittableRandom rnd = new SplittableRandom(request.seed() ^ 0x5DEECE66DL ^ layout.seed());
        Map<String, GoalRegion> byCategory = reachableCategories();
        if (byCategory.isEmpty()) {
            throw new IllegalStateException("scene " + layout.sceneId() + " has no reachable object to use as a goal");
        }
        List<String> categories = new ArrayList<>(byCategory.keySet());
        Pose start = randomStart(rnd);
        List<GoalRegion> regions = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < request.subtasks(); i++) {
            String pick;
            boolean revisit = !used.isEmpty() && rnd.nextDouble() < REVISIT_PROBABILITY;
            if (revisit) {
                List<String> notLast = used.stream().filter(c -> !c.equals(used.get(used.size() - 1))).toList();
                pick = notLast.isEmpty() ? categories.get(rnd.nextInt(categories.size())) : notLast.get(rnd.nextInt(notLast.size()));
            } else {
                List<String> fresh = categories.stream().filter(c -> !used.contains(c)).toList();
                List<String> pool = fresh.isEmpty() ? categories : fresh;
                pick = pool.get(rnd.nextInt(pool.size()));
            }
            if (!used.isEmpty() && pick.equals(used.get(used.size() - 1))) {
                pick = categories.get((categories.indexOf(pick) + 1) % categories.size());
            }
            used.add(pick);
            regions.add(byCategory.get(pick));
        }
        List<Goal> goals = regions.stream().map(GoalRegion::goal).toList();
        String id = layout.sceneId() + "/ep-" + request.seed();
        return new Episode(new EpisodeSpec(id, layout.sceneId(), request.seed(), start, goals), regions);
    }

    private Pose randomStart(SplittableRandom rnd) {
        OccupancyGrid grid = pathFinder.grid();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int col = rnd.nextInt(grid.width());
            int row = rnd.nextInt(grid.height());
            if (grid.navigable(col, row)) {
                double yaw = Math.toRadians(30 * rnd.nextInt(12));
                return new Pose(new Vec3(grid.xOf(col), 0, grid.zOf(row)), yaw);
            }
        }
        throw new IllegalStateException("scene " + layout.sceneId() + " has no navigable cell");
    }

    /** One goal region per category whose view points are reachable, in the layout's object order. */
    private Map<String, GoalRegion> reachableCategories() {
        OccupancyGrid grid = pathFinder.grid();
        Map<String, List<PlacedObject>> instances = new LinkedHashMap<>();
        for (PlacedObject o : layout.objects()) {
            instances.computeIfAbsent(o.category(), k -> new ArrayList<>()).add(o);
        }
        Map<String, GoalRegion> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<PlacedObject>> e : instances.entrySet()) {
            List<int[]> viewPoints = new ArrayList<>();
            for (PlacedObject o : e.getValue()) {
                viewPoints.addAll(viewPointCells(grid, o));
            }
            if (viewPoints.isEmpty()) {
                continue;
            }
            double[] field = pathFinder.distanceField(viewPoints);
            List<Integer> ids = e.getValue().stream().map(PlacedObject::instanceId).toList();
            out.put(e.getKey(), new GoalRegion(Goal.category(e.getKey()), ids, viewPoints, field, grid.width()));
        }
        return out;
    }

    static List<int[]> viewPointCells(OccupancyGrid grid, PlacedObject o) {
        List<int[]> cells = new ArrayList<>();
        double r = VIEW_POINT_RADIUS_M;
        for (int row = grid.rowOf(o.minZ() - r); row <= grid.rowOf(o.maxZ() + r); row++) {
            for (int col = grid.colOf(o.minX() - r); col <= grid.colOf(o.maxX() + r); col++) {
                if (grid.navigable(col, row) && o.footprintDistance(grid.xOf(col), grid.zOf(row)) <= r) {
                    cells.add(new int[]{col, row});
                }
            }
        }
        return cells;
    }
}
