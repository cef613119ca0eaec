package org.memnav.app.eval;

import org.memnav.inference.arms.ArmSettings;

import java.util.Locale;

/**
 * One configuration an evaluation measures: an agent arm at a compression rate and memory length, and the write
 * budget (writes per step) the budgeted arms spend ({@code periodic}, {@code random}; ignored by the others).
 */
public record EvalCell(String arm, int rate, int memoryLength, double writesPerStep) {

    public EvalCell(String arm, int rate, int memoryLength) {
        this(arm, rate, memoryLength, ArmSettings.DEFAULT_WRITES_PER_STEP);
    }

    public ArmSettings settings() {
        return new ArmSettings(rate, memoryLength, writesPerStep);
    }

    public String label() {
        return arm + " r" + rate + " L" + memoryLength + (budgeted() ? String.format(Locale.ROOT, " b%.3f", writesPerStep) : "");
    }

    /** Whether the arm spends a write budget (its results depend on {@link #writesPerStep}). */
    public boolean budgeted() {
        return BUDGETED_ARMS.contains(arm);
    }

    static final java.util.Set<String> BUDGETED_ARMS = java.util.Set.of(
            org.memnav.inference.arms.AgentArms.PERIODIC, org.memnav.inference.arms.AgentArms.RANDOM);
}
