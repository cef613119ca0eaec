package org.memnav.inference.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The "compressor" section of a compressor manifest (written by inference/training/train_compressor.py). */
public record CompressorSpec(
        @JsonProperty("rate") int rate,
        @JsonProperty("blocks") int blocks,
        @JsonProperty("input_grid") List<Integer> inputGrid,
        @JsonProperty("padded_grid") List<Integer> paddedGrid,
        @JsonProperty("output_grid") List<Integer> outputGrid,
        @JsonProperty("input_dim") int inputDim,
        @JsonProperty("token_dim") int tokenDim,
        @JsonProperty("goal_dim") int goalDim,
        @JsonProperty("encoder") String encoder) {
}
