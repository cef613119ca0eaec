package org.memnav.inference.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a model's weights came from, so a figure made with it can be traced back: the script,
 * seed and data it was trained on, and the repository commit of the script.
 * {@code trained} is false for seeded-random weights.
 */
public record TrainingProvenance(
        @JsonProperty("script") String script,
        @JsonProperty("seed") Long seed,
        @JsonProperty("data") String data,
        @JsonProperty("commit") String commit,
        @JsonProperty("trained") boolean trained) {
}
