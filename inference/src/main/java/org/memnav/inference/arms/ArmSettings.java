package org.memnav.inference.arms;

/** What a run or an eval cell varies: the compression rate of the pipeline and the memory length in frames. */
public record ArmSettings(int rate, int memoryLength) {

    public ArmSettings {
        if (memoryLength < 1) {
            throw new IllegalArgumentException("memory length must be at least 1 frame, got " + memoryLength);
        }
    }
}
