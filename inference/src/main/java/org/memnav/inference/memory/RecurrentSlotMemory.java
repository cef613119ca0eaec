package org.memnav.inference.memory;

import org.memnav.simbridge.api.Pose;

import java.util.ArrayList;
import java.util.List;

/**
 * A constant-size recurrent memory state (the AURA-Mem "recurrent state" option, as a principled rule,
 * not a learned cell): a fixed number of slots of one frame's tokens each, allocated once, so its byte
 * size does not grow with the horizon. Each write updates the state: a frame taken close to a slot's
 * pose (within {@link #MERGE_RADIUS_M} and {@link #MERGE_YAW_RAD}) is blended into that slot
 * (exponential moving average, weight {@link #BLEND} on the new frame, the slot takes the new pose);
 * otherwise it takes an empty slot, or replaces the slot updated longest ago.
 */
public final class RecurrentSlotMemory implements FrameMemory {

    public static final int DEFAULT_SLOTS = 8;
    static final double MERGE_RADIUS_M = 1.5;
    static final double MERGE_YAW_RAD = Math.toRadians(45);
    static final float BLEND = 0.5f;

    private final MemoryFrame[] slots;
    private final long[] updatedAt;
    private long nextId = 1;
    private long writes;
    private long clock;
    private int tokensPerFrame = -1;
    private int dim = -1;

    public RecurrentSlotMemory(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("a recurrent state needs at least 1 slot, got " + slots);
        }
        this.slots = new MemoryFrame[slots];
        this.updatedAt = new long[slots];
    }

    @Override
    public WriteResult write(int step, Pose pose, int tokens, int dim, float[] data) {
        if (tokensPerFrame >= 0 && (tokens != tokensPerFrame || dim != this.dim)) {
            throw new IllegalArgumentException("recurrent state holds frames of " + tokensPerFrame + "x" + this.dim
                    + " tokens, got " + tokens + "x" + dim);
        }
        tokensPerFrame = tokens;
        this.dim = dim;
        writes++;
        clock++;
        int near = nearestSlot(pose);
        if (near >= 0) {
            MemoryFrame old = slots[near];
            float[] blended = new float[data.length];
            for (int i = 0; i < data.length; i++) {
                blended[i] = (1 - BLEND) * old.data()[i] + BLEND * data[i];
            }
            return put(near, new MemoryFrame(nextId++, step, pose, tokens, dim, blended), old, true);
        }
        int target = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                target = i;
                break;
            }
            if (updatedAt[i] < updatedAt[target]) {
                target = i;
            }
        }
        return put(target, new MemoryFrame(nextId++, step, pose, tokens, dim, data.clone()), slots[target], false);
    }

    private WriteResult put(int slot, MemoryFrame frame, MemoryFrame displaced, boolean merged) {
        slots[slot] = frame;
        updatedAt[slot] = clock;
        return new WriteResult(frame, displaced, merged);
    }

    private int nearestSlot(Pose pose) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < slots.length; i++) {
            MemoryFrame s = slots[i];
            if (s == null) {
                continue;
            }
            double d = s.pose().position().horizontalDistanceTo(pose.position());
            double yaw = Math.abs(Pose.wrap(s.pose().yaw() - pose.yaw()));
            if (d <= MERGE_RADIUS_M && yaw <= MERGE_YAW_RAD && d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Filled slots, in slot order. */
    @Override
    public List<MemoryFrame> frames() {
        List<MemoryFrame> out = new ArrayList<>();
        for (MemoryFrame s : slots) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public int size() {
        return frames().size();
    }

    @Override
    public int capacity() {
        return slots.length;
    }

    @Override
    public long totalTokens() {
        return tokensPerFrame < 0 ? 0 : (long) slots.length * tokensPerFrame;
    }

    /** The whole state's allocation, empty slots included: the same from the first write to the end. */
    @Override
    public long totalBytes() {
        return tokensPerFrame < 0 ? 0 : (long) slots.length * tokensPerFrame * dim * Float.BYTES;
    }

    @Override
    public long writes() {
        return writes;
    }

    @Override
    public void clear() {
        java.util.Arrays.fill(slots, null);
        java.util.Arrays.fill(updatedAt, 0);
    }
}
