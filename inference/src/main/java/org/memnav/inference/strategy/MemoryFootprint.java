package org.memnav.inference.strategy;

/** What a memory strategy holds: frames the policy can read, their tokens and bytes, and frame writes so far. */
public record MemoryFootprint(int frames, long tokens, long bytes, long writes) {
}
