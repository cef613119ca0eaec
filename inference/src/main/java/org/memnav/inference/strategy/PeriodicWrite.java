package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;

import java.util.List;

/** AURA-Mem's periodic baseline: one frame every {@code everySteps} steps of the episode, whatever happens (rule). */
public final class PeriodicWrite implements WritePolicy {

    private final int everySteps;

    public PeriodicWrite(int everySteps) {
        if (everySteps < 1) {
            throw new IllegalArgumentException("periodic writes need an interval of at least 1 step, got " + everySteps);
        }
        this.everySteps = everySteps;
    }

    @Override
    public boolean considers(WriteCue cue) {
        return cue.forced() || (cue.stepInEpisode() - 1) % everySteps == 0;
    }

    @Override
    public WriteVerdict judge(MemoryFrame candidate, List<MemoryFrame> memory, int capacity, PolicyProbe probe) {
        return WriteVerdict.yes("every " + everySteps + " steps");
    }

    public int everySteps() {
        return everySteps;
    }
}
