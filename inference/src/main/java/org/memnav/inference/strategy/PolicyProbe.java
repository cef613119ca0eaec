package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.policy.PolicyScores;

import java.util.List;

/**
 * The learned policy bound to this moment (goal, agent pose, frontiers): what it would score for a given
 * memory. Write gates and triggers ask it "what if"; the agent counts its time as policy time.
 */
public interface PolicyProbe {

    PolicyScores score(List<MemoryFrame> frames);

    /** The current goal vector. */
    float[] goal();
}
