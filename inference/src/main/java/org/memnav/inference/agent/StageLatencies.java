package org.memnav.inference.agent;

/**
 * Wall time of each pipeline stage in one step, in milliseconds (0 for a stage that did not run),
 * and how many policy decisions the step made. {@code encoder} includes preprocessing; {@code policy}
 * is the ONNX scorer over the whole memory.
 */
public record StageLatencies(double encoderMs, double compressorMs, double goalMs, double policyMs, int policyRuns) {

    public static final StageLatencies NONE = new StageLatencies(0, 0, 0, 0, 0);

    public double totalMs() {
        return encoderMs + compressorMs + goalMs + policyMs;
    }
}
