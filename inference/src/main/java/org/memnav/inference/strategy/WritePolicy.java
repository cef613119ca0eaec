package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;

import java.util.List;

/**
 * When a frame goes into memory (AURA-Mem's write policies). {@link #considers} runs before the frame is encoded
 * (so a policy that will not write costs no encoder time); {@link #judge} sees the encoded candidate.
 */
public interface WritePolicy {

    boolean considers(WriteCue cue);

    /**
     * @param memory   frames held now
     * @param capacity frames the memory holds at most (a full FIFO drops its oldest on write)
     */
    WriteVerdict judge(MemoryFrame candidate, List<MemoryFrame> memory, int capacity, PolicyProbe probe);
}
