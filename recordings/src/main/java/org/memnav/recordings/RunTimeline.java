package org.memnav.recordings;

/**
 * The simulated clock of a recording: step {@code s} is logged at {@code startTimeNs + s * stepPeriodNs}.
 * Log times therefore map one-to-one to steps, whatever the real speed of the run was; the wall-clock
 * time a message was produced goes into its publish time instead.
 */
public record RunTimeline(long startTimeNs, long stepPeriodNs) {
    /** 100 ms per step: a 10 Hz timeline in Foxglove and similar players. */
    public static final long DEFAULT_STEP_PERIOD_NS = 100_000_000L;

    public RunTimeline {
        if (startTimeNs < 0 || stepPeriodNs <= 0) {
            throw new IllegalArgumentException("timeline needs a non-negative start and a positive step period");
        }
    }

    public static RunTimeline startingAt(long startTimeNs) {
        return new RunTimeline(startTimeNs, DEFAULT_STEP_PERIOD_NS);
    }

    public long logTimeOf(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative, got " + step);
        }
        return Math.addExact(startTimeNs, Math.multiplyExact(step, stepPeriodNs));
    }

    /** The step a log time belongs to (rounding down between steps); -1 before the start. */
    public int stepAt(long logTimeNs) {
        if (logTimeNs < startTimeNs) {
            return -1;
        }
        return (int) Math.min(Integer.MAX_VALUE, (logTimeNs - startTimeNs) / stepPeriodNs);
    }
}
