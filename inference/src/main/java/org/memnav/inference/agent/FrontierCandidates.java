package org.memnav.inference.agent;

import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The frontier targets an agent may choose at a decision point: frontiers of its own explored map,
 * nearest first (straight-line), snapped to navigable ground with the simulator's path finder, with
 * their geodesic cost from the agent. Snapping searches the simulator's navigability map locally
 * (what {@code snap_point} does, limited to 1 m) instead of asking the simulator per frontier. Shared by every agent and by the training-data exporter, so
 * that the learned policy is trained on exactly the candidates it is offered at run time.
 */
public final class FrontierCandidates {

    /** How many frontiers, nearest first, are offered per decision. */
    public static final int MAX_CANDIDATES = 8;
    /** A frontier whose snapped point lies further than this from the frontier cell is not a real opening. */
    private static final double MAX_SNAP_M = 1.0;
    /** Frontiers closer than this (geodesic) give nothing new to see from where the agent stands. */
    public static final double MIN_USEFUL_M = PathFollower.ARRIVAL_M * 2;

    /** One candidate: its navigable target point, geodesic metres from the agent and the frontier's size in cells. */
    public record Candidate(Vec3 point, double geodesicM, int cells) {
    }

    private final FrontierExplorer explorer = new FrontierExplorer();
    private final NavigabilityMap navigability;
    private final GridGeodesics geodesics;

    public FrontierCandidates(NavigabilityMap navigability) {
        this.navigability = navigability;
        this.geodesics = new GridGeodesics(navigability);
    }

    /**
     * Reachable, useful frontiers of {@code map} seen from {@code here}, skipping points within
     * {@code blacklistRadiusM} of {@code blacklist} (targets the agent gave up on).
     */
    public List<Candidate> around(ExploredMap map, Vec3 here, List<Vec3> blacklist, double blacklistRadiusM) {
        List<FrontierExplorer.Frontier> frontiers = new ArrayList<>(explorer.frontiers(map));
        frontiers.sort(Comparator.comparingDouble(f -> f.target().horizontalDistanceTo(here)));
        List<Vec3> points = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        // Twice the quota by straight-line distance; those unreachable or too close drop out below.
        for (FrontierExplorer.Frontier f : frontiers) {
            if (points.size() >= 2 * MAX_CANDIDATES) {
                break;
            }
            Vec3 snapped = snapNearby(f.target());
            if (snapped != null && !near(snapped, blacklist, blacklistRadiusM)) {
                points.add(snapped);
                cells.add(f.cells());
            }
        }
        double[] cost = geodesics.from(here, points);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < points.size() && out.size() < MAX_CANDIDATES; i++) {
            if (Double.isFinite(cost[i]) && cost[i] > MIN_USEFUL_M) {
                out.add(new Candidate(points.get(i), cost[i], cells.get(i)));
            }
        }
        return out;
    }

    /** The navigable cell centre nearest to {@code p} within {@link #MAX_SNAP_M}, or null. */
    Vec3 snapNearby(Vec3 p) {
        int col = navigability.colOf(p.x());
        int row = navigability.rowOf(p.z());
        if (navigability.navigable(col, row)) {
            return new Vec3(navigability.xOf(col), 0, navigability.zOf(row));
        }
        int reach = (int) Math.ceil(MAX_SNAP_M / navigability.cellSizeM());
        Vec3 best = null;
        double bestD = MAX_SNAP_M;
        for (int r = row - reach; r <= row + reach; r++) {
            for (int c = col - reach; c <= col + reach; c++) {
                if (navigability.navigable(c, r)) {
                    double d = Math.hypot(navigability.xOf(c) - p.x(), navigability.zOf(r) - p.z());
                    if (d <= bestD) {
                        bestD = d;
                        best = new Vec3(navigability.xOf(c), 0, navigability.zOf(r));
                    }
                }
            }
        }
        return best;
    }

    static boolean near(Vec3 p, List<Vec3> points, double radius) {
        for (Vec3 b : points) {
            if (b.horizontalDistanceTo(p) < radius) {
                return true;
            }
        }
        return false;
    }
}
