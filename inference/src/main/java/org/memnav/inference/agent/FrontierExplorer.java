package org.memnav.inference.agent;

import org.memnav.simbridge.api.Vec3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Frontiers of the agent's explored map: free cells that border unknown space, grouped into
 * 8-connected clusters; each cluster offers the member cell nearest its centroid as a target.
 */
public final class FrontierExplorer {

    private static final int MIN_CLUSTER_CELLS = 4;

    /** A frontier cluster: a target point on it and how many cells it spans. */
    public record Frontier(Vec3 target, int cells) {
    }

    public List<Frontier> frontiers(ExploredMap map) {
        int n = map.size();
        boolean[] isFrontier = new boolean[n * n];
        for (int r = 1; r < n - 1; r++) {
            for (int c = 1; c < n - 1; c++) {
                if (map.cell(c, r) == ExploredMap.FREE && (map.cell(c - 1, r) == ExploredMap.UNKNOWN
                        || map.cell(c + 1, r) == ExploredMap.UNKNOWN || map.cell(c, r - 1) == ExploredMap.UNKNOWN
                        || map.cell(c, r + 1) == ExploredMap.UNKNOWN)) {
                    isFrontier[r * n + c] = true;
                }
            }
        }
        List<Frontier> out = new ArrayList<>();
        boolean[] seen = new boolean[n * n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < isFrontier.length; start++) {
            if (!isFrontier[start] || seen[start]) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                members.add(i);
                int c = i % n;
                int r = i / n;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int j = (r + dr) * n + (c + dc);
                        if (map.inside(c + dc, r + dr) && isFrontier[j] && !seen[j]) {
                            seen[j] = true;
                            queue.add(j);
                        }
                    }
                }
            }
            if (members.size() >= MIN_CLUSTER_CELLS) {
                out.add(new Frontier(centralMember(map, members), members.size()));
            }
        }
        return out;
    }

    private static Vec3 centralMember(ExploredMap map, List<Integer> members) {
        int n = map.size();
        double mc = 0;
        double mr = 0;
        for (int i : members) {
            mc += i % n;
            mr += (double) i / n;
        }
        mc /= members.size();
        mr /= members.size();
        int best = members.get(0);
        double bestD = Double.MAX_VALUE;
        for (int i : members) {
            double d = Math.hypot(i % n - mc, i / n - mr);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return new Vec3(map.x(best % n), 0, map.z(best / n));
    }
}
