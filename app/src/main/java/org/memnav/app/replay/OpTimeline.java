package org.memnav.app.replay;

import org.memnav.recordings.MemoryOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Memory operations laid out under the timeline: step to x and back, and which operations a pointer at x is over.
 * The track spans {@code pad .. width - pad} pixels (the slider's thumb inset), step 0 to {@code lastStep}.
 */
public record OpTimeline(List<MemoryOperation> operations, int lastStep, double width, double pad) {

    /** Within this many pixels of a tick the pointer is "on" it. */
    public static final double HOVER_TOLERANCE_PX = 3;

    public OpTimeline {
        operations = List.copyOf(operations);
        lastStep = Math.max(1, lastStep);
    }

    public double x(int step) {
        return pad + Math.max(1, width - 2 * pad) * step / lastStep;
    }

    /** The operations at the tick nearest to {@code px} (all of that step), or none when no tick is within tolerance. */
    public List<MemoryOperation> at(double px) {
        int best = -1;
        double bestDistance = HOVER_TOLERANCE_PX;
        for (MemoryOperation op : operations) {
            double d = Math.abs(x(op.step()) - px);
            if (d <= bestDistance && (best < 0 || d < bestDistance)) {
                best = op.step();
                bestDistance = d;
            }
        }
        List<MemoryOperation> out = new ArrayList<>();
        for (MemoryOperation op : operations) {
            if (op.step() == best) {
                out.add(op);
            }
        }
        return out;
    }

    /** One line per operation: "step 41 · skip (skip) · no surprise: tv 0.002 <= 0.100, still frontier#0". */
    public static String describe(MemoryOperation op) {
        String frame = op.frameId() >= 0 && op.kind() != MemoryOperation.Kind.SKIP
                ? String.format(Locale.ROOT, " frame #%d", op.frameId()) : "";
        return String.format(Locale.ROOT, "step %d · %s (%s)%s%s", op.step(), op.kind().wireName(),
                MemoryOpFamily.of(op.kind()).label(), frame, op.detail().isEmpty() ? "" : " · " + op.detail());
    }
}
