package org.memnav.app.session;

import org.memnav.inference.arms.AgentArms;
import org.memnav.inference.pipeline.PipelineManifests;

import java.nio.file.Path;

/**
 * What a navigation run needs to know: where the simulator is (null = embedded), the scene, the
 * episodes, the memory length, the encoder's manifest, where to record (null = nowhere), which agent
 * arm drives ({@code astranav}, {@code frontier}, {@code semantic-sensor}) and the compression rate of
 * the learned pipeline.
 */
public record RunSettings(String simEndpoint, String sceneRef, long seed, int episodes, int subtasks, int memoryLength,
                          Path encoderManifest, Path recording, String agent, int rate) {

    public static final int DEFAULT_SUBTASKS = 5;
    public static final int DEFAULT_MEMORY_LENGTH = 50;
    /**
     * The skeleton agent stays the default until the learned {@code astranav} arm reaches goals:
     * its compressor and policy were trained against an earlier encoder and score SR 0 on seed 7
     * today (issue 5 is open). {@code --agent astranav} selects it.
     */
    public static final String DEFAULT_AGENT = AgentArms.SEMANTIC_SENSOR;
    public static final int DEFAULT_RATE = PipelineManifests.DEFAULT_RATE;

    public RunSettings {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be at least 1, got " + episodes);
        }
        if (subtasks < 1) {
            throw new IllegalArgumentException("--subtasks must be at least 1, got " + subtasks);
        }
        if (memoryLength < 1) {
            throw new IllegalArgumentException("--memory-length must be at least 1 frame, got " + memoryLength);
        }
    }

    /** The default agent at the default rate. */
    public RunSettings(String simEndpoint, String sceneRef, long seed, int episodes, int subtasks, int memoryLength,
                       Path encoderManifest, Path recording) {
        this(simEndpoint, sceneRef, seed, episodes, subtasks, memoryLength, encoderManifest, recording, DEFAULT_AGENT, DEFAULT_RATE);
    }
}
