package org.memnav.inference.agent;

/** Size of the agent's memory after a step: frames held, tokens, bytes and writes so far. */
public record MemoryStats(int frames, long tokens, long bytes, long writes) {
}
