package org.memnav.inference.model;

/**
 * A frame after the compressor: its tokens (a smaller grid) and the image-goal vector pooled from
 * them (what an image goal of this view looks like in goal space).
 */
public record CompressedFrame(PatchTokens tokens, float[] imageGoal, int rate) {
}
