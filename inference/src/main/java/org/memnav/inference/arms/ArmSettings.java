package org.memnav.inference.arms;

/**
 * What a run or an eval cell varies: the compression rate of the pipeline, the memory length in frames, and the
 * write budget of the budget-matched arms ({@code periodic}, {@code random}) in writes per step.
 */
public record ArmSettings(int rate, int memoryLength, double writesPerStep) {

    /** One write every 16 steps: the budgeted arms' default when no budget is matched to another arm. */
    public static final double DEFAULT_WRITES_PER_STEP = 1.0 / 16;

    public ArmSettings {
        if (memoryLength < 1) {
            throw new IllegalArgumentException("memory length must be at least 1 frame, got " + memoryLength);
        }
        if (!(writesPerStep > 0 && writesPerStep <= 1)) {
            throw new IllegalArgumentException("write budget must be in (0, 1] writes per step, got " + writesPerStep);
        }
    }

    public ArmSettings(int rate, int memoryLength) {
        this(rate, memoryLength, DEFAULT_WRITES_PER_STEP);
    }

    /** The periodic arm's interval for this budget (at least 1 step). */
    public int writeEverySteps() {
        return Math.max(1, (int) Math.round(1 / writesPerStep));
    }
}
