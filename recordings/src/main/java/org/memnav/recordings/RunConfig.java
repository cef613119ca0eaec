package org.memnav.recordings;

import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a recorded navigation run was set up with; written once on {@code /run/config}.
 *
 * @param models            model role to model name or manifest, e.g. "encoder" -> "dinov3-vitb16-tiny"
 * @param executionProvider ONNX Runtime execution provider actually used, e.g. "CPU" or "CUDA"
 * @param memoryLength      frames the agent's memory holds; 0 when not known
 * @param compressionRate   visual token compression rate (1 = none, 4, 16, 64)
 * @param settings          free-form run settings (write policy, simulator address, ...)
 */
public record RunConfig(long seed, String sceneId, String episodeId, List<Goal> goals, Map<String, String> models,
                        String executionProvider, int memoryLength, int compressionRate, Map<String, String> settings) {
    public RunConfig {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(executionProvider, "executionProvider");
        if (memoryLength < 0 || compressionRate < 1) {
            throw new IllegalArgumentException("memory length must be >= 0 and compression rate >= 1, got "
                    + memoryLength + " and " + compressionRate);
        }
        goals = List.copyOf(goals);
        models = Map.copyOf(models);
        settings = Map.copyOf(settings);
    }

    /** A config for {@code episode} with no extra settings, memory length unknown and no compression. */
    public static RunConfig forEpisode(EpisodeSpec episode, Map<String, String> models, String executionProvider) {
        return new RunConfig(episode.seed(), episode.sceneId(), episode.episodeId(), episode.goals(), models,
                executionProvider, 0, 1, Map.of());
    }

    public RunConfig withSettings(Map<String, String> newSettings) {
        return new RunConfig(seed, sceneId, episodeId, goals, models, executionProvider, memoryLength, compressionRate,
                newSettings);
    }

    public RunConfig withMemory(int newMemoryLength, int newCompressionRate) {
        return new RunConfig(seed, sceneId, episodeId, goals, models, executionProvider, newMemoryLength, newCompressionRate,
                settings);
    }
}
