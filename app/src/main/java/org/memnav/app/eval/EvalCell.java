package org.memnav.app.eval;

import org.memnav.inference.arms.ArmSettings;

/** One configuration an evaluation measures: an agent arm at a compression rate and memory length. */
public record EvalCell(String arm, int rate, int memoryLength) {

    public ArmSettings settings() {
        return new ArmSettings(rate, memoryLength);
    }

    public String label() {
        return arm + " r" + rate + " L" + memoryLength;
    }
}
