package org.memnav.inference.agent;

import org.memnav.inference.memory.FrameMemory;
import org.memnav.inference.strategy.MemoryEvent;
import org.memnav.inference.strategy.TierSnapshot;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * One step of a run as the UI and the recorder see it: the action taken, the observation it led to,
 * what the agent was doing (mode, target), the decision made at this step if any, memory size and
 * the encoder's latency when it ran. {@code explored} is the agent's live map: listeners are called on
 * the loop's thread and may read it there, but must copy what they keep. {@code latency} breaks the
 * step's inference time down by pipeline stage. {@code encoded} (the encoder's tokens of this step's frame) and
 * {@code memoryWrite} (what went into memory and what was evicted) are null when the step had none; the
 * recorder logs them ({@code /encoder/tokens}, {@code /compressor/tokens}, {@code /memory/ops}). {@code memoryEvents}
 * are every memory operation of the step (writes, skips, tool calls, triggers; empty if none) and {@code tiers}
 * the memory tiers when they changed ({@code /memory/tiers}; null if not a tiered strategy or unchanged).
 */
public record StepEvent(String episodeId, Action action, Observation observation, NavigationMode mode, Vec3 target,
                        Decision decision, MemoryStats memory, double encoderMs, ExploredMap explored,
                        StageLatencies latency, FrameEncoder.EncodedFrame encoded, FrameMemory.WriteResult memoryWrite,
                        List<MemoryEvent> memoryEvents, TierSnapshot tiers) {

    public StepEvent {
        memoryEvents = memoryEvents == null ? List.of() : List.copyOf(memoryEvents);
    }

    /** A step with a frame write but no other memory events to report. */
    public StepEvent(String episodeId, Action action, Observation observation, NavigationMode mode, Vec3 target,
                     Decision decision, MemoryStats memory, double encoderMs, ExploredMap explored, StageLatencies latency,
                     FrameEncoder.EncodedFrame encoded, FrameMemory.WriteResult memoryWrite) {
        this(episodeId, action, observation, mode, target, decision, memory, encoderMs, explored, latency, encoded, memoryWrite,
                List.of(), null);
    }

    /** A step without encoder tokens or memory write to report. */
    public StepEvent(String episodeId, Action action, Observation observation, NavigationMode mode, Vec3 target,
                     Decision decision, MemoryStats memory, double encoderMs, ExploredMap explored, StageLatencies latency) {
        this(episodeId, action, observation, mode, target, decision, memory, encoderMs, explored, latency, null, null, List.of(), null);
    }
}
