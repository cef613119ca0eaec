package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MemGen's weaver as a rule (MemGen trains a LoRA weaver; we do not): it condenses the frames the trigger
 * retrieved into the {@code keep} frames that match the goal best, i.e. the few tokens the policy then reads.
 * A frame's match is the highest cosine between the goal vector and any of its tokens (the compressors were
 * trained to make goal-matching tokens line up with the goal in the shared 64-d goal space), ties to the newer.
 */
public final class GoalWeaver {

    private final int keep;

    public GoalWeaver(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("the weaver keeps at least 1 frame, got " + keep);
        }
        this.keep = keep;
    }

    /** The chosen frames in time order, with each frame's match. */
    public List<Scored> weave(List<MemoryFrame> frames, float[] goal) {
        List<Scored> scored = new ArrayList<>();
        for (MemoryFrame f : frames) {
            scored.add(new Scored(f, match(f, goal)));
        }
        scored.sort(Comparator.comparingDouble(Scored::match).reversed().thenComparing(s -> -s.frame().step()));
        List<Scored> kept = new ArrayList<>(scored.subList(0, Math.min(keep, scored.size())));
        kept.sort(Comparator.comparingInt(s -> s.frame().step()));
        return kept;
    }

    /** A frame and how well its best token matches the goal (cosine, -1..1; 0 when widths differ). */
    public record Scored(MemoryFrame frame, double match) {
    }

    static double match(MemoryFrame f, float[] goal) {
        if (f.dim() != goal.length) {
            return 0;
        }
        double goalNorm = 0;
        for (float g : goal) {
            goalNorm += g * g;
        }
        goalNorm = Math.sqrt(goalNorm);
        double best = -1;
        for (int t = 0; t < f.tokens(); t++) {
            double dot = 0;
            double norm = 0;
            for (int d = 0; d < f.dim(); d++) {
                float v = f.data()[t * f.dim() + d];
                dot += v * goal[d];
                norm += v * v;
            }
            double cos = norm == 0 || goalNorm == 0 ? 0 : dot / (Math.sqrt(norm) * goalNorm);
            best = Math.max(best, cos);
        }
        return best;
    }

    public int keep() {
        return keep;
    }
}
