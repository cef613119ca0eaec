package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;

import java.util.List;
import java.util.SplittableRandom;

/**
 * AURA-Mem's random baseline with a matched budget: each step's frame is written with probability
 * {@code writesPerStep}, so over an episode it spends the same expected number of writes as the arm it is matched
 * to (rule; seeded, so a run repeats).
 */
public final class RandomWrite implements WritePolicy {

    private final double writesPerStep;
    private final SplittableRandom random;

    public RandomWrite(double writesPerStep, long seed) {
        if (!(writesPerStep > 0 && writesPerStep <= 1)) {
            throw new IllegalArgumentException("a random write budget is a probability per step in (0, 1], got " + writesPerStep);
        }
        this.writesPerStep = writesPerStep;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public boolean considers(WriteCue cue) {
        // Draw on every step so the sequence of draws does not depend on what else happened.
        boolean draw = random.nextDouble() < writesPerStep;
        return cue.forced() || draw;
    }

    @Override
    public WriteVerdict judge(MemoryFrame candidate, List<MemoryFrame> memory, int capacity, PolicyProbe probe) {
        return WriteVerdict.yes(String.format(java.util.Locale.ROOT, "random, p=%.3f per step", writesPerStep));
    }
}
