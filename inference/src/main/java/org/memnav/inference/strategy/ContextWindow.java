package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;
import org.memnav.simbridge.api.Pose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AgeMem's short-term context over the frame window, with its three tools as rules (AgeMem learns when to call
 * them with RL): RETRIEVE reads the window for a decision; when the window is full, SUMMARY first folds the two
 * frames taken closest together (within {@link #SUMMARY_RADIUS_M} and {@link #SUMMARY_YAW_RAD}: near-duplicate
 * views) into one, tokens averaged, the newer pose kept; failing that, FILTER drops the frame the policy scored
 * lowest at the last decision (frames not scored yet, the new one included, are kept; the oldest goes if none was scored).
 */
final class ContextWindow {

    static final double SUMMARY_RADIUS_M = 1.0;
    static final double SUMMARY_YAW_RAD = Math.toRadians(30);

    private final int capacity;
    private final EventLog log;
    private final List<MemoryFrame> frames = new ArrayList<>();
    private final Map<Long, Double> lastScore = new HashMap<>();
    private long nextId = 1;
    private long writes;

    ContextWindow(int capacity, EventLog log) {
        if (capacity < 2) {
            throw new IllegalArgumentException("the short-term context needs at least 2 frames, got " + capacity);
        }
        this.capacity = capacity;
        this.log = log;
    }

    /** Adds the frame, then makes room if the window overflowed (the new frame may be summarised, never filtered). */
    MemoryFrame write(MemoryFrame candidate) {
        MemoryFrame frame = new MemoryFrame(nextId++, candidate.step(), candidate.pose(), candidate.tokens(), candidate.dim(),
                candidate.data());
        frames.add(frame);
        writes++;
        log.frame(candidate.step(), MemoryEvent.Kind.WRITE, frame, "short-term context");
        if (frames.size() > capacity) {
            makeRoom(candidate.step());
        }
        return frame;
    }

    private void makeRoom(int step) {
        int[] pair = closestPair();
        if (pair != null) {
            MemoryFrame a = frames.get(pair[0]);
            MemoryFrame b = frames.get(pair[1]);
            float[] mean = new float[a.data().length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (a.data()[i] + b.data()[i]) / 2;
            }
            MemoryFrame newer = a.step() >= b.step() ? a : b;
            MemoryFrame summary = new MemoryFrame(nextId++, newer.step(), newer.pose(), a.tokens(), a.dim(), mean);
            frames.remove(pair[1]);
            frames.set(pair[0], summary);
            lastScore.remove(a.id());
            lastScore.remove(b.id());
            log.frame(step, MemoryEvent.Kind.SUMMARY, summary, "frames #" + a.id() + " and #" + b.id() + " summarised");
            return;
        }
        int drop = 0; // nothing scored yet: the oldest goes
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0; i < frames.size(); i++) {
            Double s = lastScore.get(frames.get(i).id());
            if (s != null && s < worst) {
                worst = s;
                drop = i;
            }
        }
        MemoryFrame dropped = frames.remove(drop);
        lastScore.remove(dropped.id());
        log.frame(step, MemoryEvent.Kind.FILTER, dropped, Double.isInfinite(worst) ? "none scored yet: oldest dropped"
                : String.format(Locale.ROOT, "lowest policy score %.3f dropped", worst));
    }

    /** Indices (i < j) of the two frames taken closest together, if any pair is a near-duplicate view. */
    private int[] closestPair() {
        int[] best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < frames.size(); i++) {
            Pose a = frames.get(i).pose();
            for (int j = i + 1; j < frames.size(); j++) {
                Pose b = frames.get(j).pose();
                double d = a.position().horizontalDistanceTo(b.position());
                if (d <= SUMMARY_RADIUS_M && Math.abs(Pose.wrap(a.yaw() - b.yaw())) <= SUMMARY_YAW_RAD && d < bestDistance) {
                    best = new int[] {i, j};
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** The policy's scores of this window's frames at the last decision (FILTER's criterion). */
    void scored(MemoryFrame frame, double score) {
        lastScore.put(frame.id(), score);
    }

    List<MemoryFrame> frames() {
        return List.copyOf(frames);
    }

    long writes() {
        return writes;
    }

    void clear() {
        frames.clear();
        lastScore.clear();
    }
}
