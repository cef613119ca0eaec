package org.memnav.inference.agent;

import org.memnav.inference.pipeline.MemoryPipeline;

/**
 * New settings for a running {@link MemoryNavigationAgent}, asked for from another thread (the workbench's
 * what-if sliders on a live run) and applied by the agent at the start of its next step, on its own thread.
 *
 * @param pipeline     the learned models at the new rate (the agent's own one when the rate is unchanged);
 *                     opened by the caller, off the agent's thread, and closed by whoever opened it
 * @param memoryLength the new memory length in frames
 */
public record LiveSettings(MemoryPipeline pipeline, int memoryLength) {

    public LiveSettings {
        if (pipeline == null) {
            throw new IllegalArgumentException("live settings need the pipeline at the new rate");
        }
        if (memoryLength < 1) {
            throw new IllegalArgumentException("memory length must be at least 1 frame, got " + memoryLength);
        }
    }

    public int rate() {
        return pipeline.rate();
    }

    /** What the agent applied, and from which step on. */
    public record Applied(int step, int rate, int memoryLength) {
    }
}
