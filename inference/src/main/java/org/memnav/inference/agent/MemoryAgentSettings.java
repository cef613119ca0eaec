package org.memnav.inference.agent;

/**
 * Run settings of the learned memory agent. {@code memoryLength} is the number of compressed frames
 * kept (FIFO); a frame is written every {@code writeEverySteps} steps and at every decision; while
 * exploring the agent re-decides every {@code redecideEverySteps}. {@code lifelong} false makes the
 * memoryless baseline: map and memory are dropped at every new subtask and only the latest frame is
 * kept.
 */
public record MemoryAgentSettings(int memoryLength, int writeEverySteps, int redecideEverySteps, boolean lifelong) {

    public static final int DEFAULT_MEMORY_LENGTH = 50;
    public static final int DEFAULT_WRITE_EVERY = 4;
    public static final int DEFAULT_REDECIDE_EVERY = 12;

    public MemoryAgentSettings {
        if (memoryLength < 1) {
            throw new IllegalArgumentException("memory length must be at least 1 frame, got " + memoryLength);
        }
        if (writeEverySteps < 1 || redecideEverySteps < 1) {
            throw new IllegalArgumentException("write and decision intervals must be at least 1 step");
        }
    }

    public static MemoryAgentSettings lifelong(int memoryLength) {
        return new MemoryAgentSettings(memoryLength, DEFAULT_WRITE_EVERY, DEFAULT_REDECIDE_EVERY, true);
    }

    public static MemoryAgentSettings memoryless() {
        return new MemoryAgentSettings(1, DEFAULT_WRITE_EVERY, DEFAULT_REDECIDE_EVERY, false);
    }
}
