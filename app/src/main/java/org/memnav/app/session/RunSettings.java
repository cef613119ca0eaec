package org.memnav.app.session;

import java.nio.file.Path;

/**
 * What a navigation run needs to know: where the simulator is (null = embedded), the scene, the
 * episodes, the memory length, the encoder's manifest and where to record (null = nowhere).
 */
public record RunSettings(String simEndpoint, String sceneRef, long seed, int episodes, int subtasks, int memoryLength,
                          Path encoderManifest, Path recording) {

    public static final int DEFAULT_SUBTASKS = 5;
    public static final int DEFAULT_MEMORY_LENGTH = 50;

    public RunSettings {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be at least 1, got " + episodes);
        }
        if (subtasks < 1) {
            throw new IllegalArgumentException("--subtasks must be at least 1, got " + subtasks);
        }
    }
}
