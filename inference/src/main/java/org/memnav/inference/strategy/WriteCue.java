package org.memnav.inference.strategy;

/**
 * A step at which the agent could write its frame. {@code scheduled}: the AstraNav schedule writes here (look-around
 * views, decision points, every few steps); {@code forced}: a decision is due and memory is empty, so every
 * policy writes (the learned policy needs at least one frame).
 */
public record WriteCue(int stepInEpisode, boolean scheduled, boolean forced) {
}
