package org.memnav.inference.agent;

import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Vec3;

import java.util.Arrays;
import java.util.List;

/**
 * Geodesic distances from one point to many on the simulator's navigability map, by a single
 * 8-connected Dijkstra that stops once every target is settled. Ranking frontier candidates this way
 * costs one search per decision instead of one simulator path query per candidate; the figures are
 * within a few percent of the simulator's taut-path lengths, which is all a ranking needs.
 */
public final class GridGeodesics {

    private static final double DIAGONAL = Math.sqrt(2);
    private static final int[] DC = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DR = {0, 0, 1, -1, 1, -1, 1, -1};

    private final NavigabilityMap map;
    private final double[] dist;
    private final boolean[] settled;
    private final int[] heap;
    private final double[] heapKey;

    public GridGeodesics(NavigabilityMap map) {
        this.map = map;
        int n = map.width() * map.height();
        this.dist = new double[n];
        this.settled = new boolean[n];
        this.heap = new int[n * 8 + 8];
        this.heapKey = new double[n * 8 + 8];
    }

    /** Metres from {@code from} to each target (+infinity when unreachable or off the navigable grid). */
    public double[] from(Vec3 from, List<Vec3> targets) {
        double[] out = new double[targets.size()];
        Arrays.fill(out, Double.POSITIVE_INFINITY);
        int start = nearestNavigableCell(from);
        if (start < 0 || targets.isEmpty()) {
            return out;
        }
        int[] targetCells = new int[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            targetCells[i] = cell(targets.get(i));
        }
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(settled, false);
        int size = 0;
        dist[start] = 0;
        size = push(size, start, 0);
        int remaining = (int) Arrays.stream(targetCells).filter(c -> c >= 0).count();
        int w = map.width();
        while (size > 0 && remaining > 0) {
            int i = heap[0];
            double d = heapKey[0];
            size = pop(size);
            if (settled[i]) {
                continue;
            }
            settled[i] = true;
            for (int t = 0; t < targetCells.length; t++) {
                if (targetCells[t] == i && !Double.isFinite(out[t])) {
                    out[t] = d * map.cellSizeM();
                    remaining--;
                }
            }
            int c = i % w;
            int r = i / w;
            for (int k = 0; k < 8; k++) {
                int nc = c + DC[k];
                int nr = r + DR[k];
                if (!map.navigable(nc, nr)) {
                    continue;
                }
                if (k >= 4 && (!map.navigable(c + DC[k], r) || !map.navigable(c, r + DR[k]))) {
                    continue; // no corner cutting
                }
                int j = nr * w + nc;
                double nd = d + (k >= 4 ? DIAGONAL : 1);
                if (nd < dist[j]) {
                    dist[j] = nd;
                    size = push(size, j, nd);
                }
            }
        }
        return out;
    }

    /** The agent's own cell, or the nearest navigable one within 4 cells (its centre may sit on a cell border). */
    private int nearestNavigableCell(Vec3 p) {
        int c0 = map.colOf(p.x());
        int r0 = map.rowOf(p.z());
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int r = r0 - 4; r <= r0 + 4; r++) {
            for (int c = c0 - 4; c <= c0 + 4; c++) {
                double d = Math.hypot(map.xOf(c) - p.x(), map.zOf(r) - p.z());
                if (map.navigable(c, r) && d < bestD) {
                    bestD = d;
                    best = r * map.width() + c;
                }
            }
        }
        return best;
    }

    private int cell(Vec3 p) {
        int c = map.colOf(p.x());
        int r = map.rowOf(p.z());
        return map.navigable(c, r) ? r * map.width() + c : -1;
    }

    private int push(int size, int item, double key) {
        int i = size;
        heap[i] = item;
        heapKey[i] = key;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heapKey[parent] <= heapKey[i]) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
        return size + 1;
    }

    private int pop(int size) {
        int last = size - 1;
        heap[0] = heap[last];
        heapKey[0] = heapKey[last];
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < last && heapKey[l] < heapKey[m]) {
                m = l;
            }
            if (r < last && heapKey[r] < heapKey[m]) {
                m = r;
            }
            if (m == i) {
                break;
            }
            swap(i, m);
            i = m;
        }
        return last;
    }

    private void swap(int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
        double k = heapKey[a];
        heapKey[a] = heapKey[b];
        heapKey[b] = k;
    }
}
