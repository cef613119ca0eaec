package org.memnav.recordings;

import org.memnav.simbridge.api.SubtaskOutcome;

/**
 * Counts what one subtask cost while it is recorded (decisions, memory operations, encoder runs), so
 * {@link RunRecorder} can log {@link SubtaskMetrics} when it ends. Memory sizes carry over from one subtask
 * to the next: memory lives on through a lifelong episode.
 */
final class SubtaskTally {
    private int decisions;
    private int memoryGuided;
    private long writes;
    private long evictions;
    private long retrievals;
    private int memoryFrames;
    private long memoryBytes;
    private long peakBytes;
    private int encoderRuns;
    private double encoderMsSum;

    /** A new subtask begins: counts restart, memory size stays. */
    void restart() {
        decisions = 0;
        memoryGuided = 0;
        writes = 0;
        evictions = 0;
        retrievals = 0;
        encoderRuns = 0;
        encoderMsSum = 0;
        peakBytes = memoryBytes;
    }

    void decision(PolicyDecision d) {
        decisions++;
        if (d.mode() == PolicyDecision.Mode.MEMORY_GUIDED) {
            memoryGuided++;
        }
    }

    void memory(MemoryOperation op) {
        switch (op.kind()) {
            case WRITE -> writes++;
            case EVICT -> evictions++;
            case RETRIEVE -> retrievals++;
            case CLEAR -> {
            }
        }
        memoryFrames = op.memoryFrames();
        memoryBytes = op.memoryBytes();
        peakBytes = Math.max(peakBytes, memoryBytes);
    }

    void encoder(double latencyMs) {
        encoderRuns++;
        encoderMsSum += Math.max(0, latencyMs);
    }

    SubtaskMetrics finish(int step, int episodeIndex, String episodeId, SubtaskOutcome outcome) {
        return new SubtaskMetrics(step, episodeIndex, episodeId, outcome.subtaskIndex(), outcome.success(), outcome.spl(),
                outcome.actions(), decisions, memoryGuided, writes, evictions, retrievals, memoryFrames, memoryBytes,
                peakBytes, encoderRuns, encoderRuns == 0 ? 0 : encoderMsSum / encoderRuns);
    }
}
