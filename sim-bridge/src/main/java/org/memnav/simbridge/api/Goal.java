package org.memnav.simbridge.api;

/**
 * One subtask's goal as the agent is told it. For an object-category goal any instance of the
 * category counts and {@code instanceId} is -1; language and image goals name one instance. An
 * image goal carries the picture of its instance taken from a sampled view point; other goals have
 * no image (null).
 */
public record Goal(GoalModality modality, String category, String description, int instanceId, RgbImage image) {

    public Goal(GoalModality modality, String category, String description, int instanceId) {
        this(modality, category, description, instanceId, null);
    }

    public static Goal category(String category) {
        return new Goal(GoalModality.OBJECT_CATEGORY, category, "find a " + category, -1);
    }
}
