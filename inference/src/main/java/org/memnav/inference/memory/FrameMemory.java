package org.memnav.inference.memory;

import org.memnav.simbridge.api.Pose;

import java.util.List;

/**
 * A bounded memory of remembered frames the policy reads: the FIFO {@link MemoryStore} (AstraNav-Memory)
 * or the constant-size {@link RecurrentSlotMemory}. Keeps its own token, byte and write counts.
 */
public interface FrameMemory {

    WriteResult write(int step, Pose pose, int tokens, int dim, float[] data);

    /** The frames held, oldest first. */
    List<MemoryFrame> frames();

    int size();

    int capacity();

    long totalTokens();

    /** Bytes the memory takes now (for the recurrent state: its fixed allocation once the token shape is known). */
    long totalBytes();

    long writes();

    void clear();

    /**
     * What a write did: the frame stored and the one it displaced, if any. {@code merged} says the displaced
     * frame was folded into the written one (a recurrent slot update) rather than dropped.
     */
    record WriteResult(MemoryFrame written, MemoryFrame evicted, boolean merged) {

        public WriteResult(MemoryFrame written, MemoryFrame evicted) {
            this(written, evicted, false);
        }
    }
}
