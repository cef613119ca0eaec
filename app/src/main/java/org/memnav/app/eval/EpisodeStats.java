package org.memnav.app.eval;

import org.memnav.inference.agent.StepEvent;
import org.memnav.inference.agent.StepListener;

/** Collects inference cost and memory size over the steps of one episode. */
final class EpisodeStats implements StepListener {

    long decisions;
    double policyMs;
    long frames;
    double encoderMs;
    double compressorMs;
    double memoryBytesAtDecisions;
    long memoryFramesAtDecisions;
    long memoryBytesOfFrames;

    @Override
    public void onStep(StepEvent event) {
        var l = event.latency();
        if (l.encoderMs() > 0) {
            frames++;
            encoderMs += l.encoderMs();
            compressorMs += l.compressorMs();
        }
        if (l.policyRuns() > 0) {
            decisions += l.policyRuns();
            policyMs += l.policyMs();
            memoryBytesAtDecisions += event.memory().bytes() * (double) l.policyRuns();
            memoryFramesAtDecisions += event.memory().frames() * (long) l.policyRuns();
            memoryBytesOfFrames += event.memory().bytes() * (long) l.policyRuns();
        }
    }

    void addTo(EpisodeStats total) {
        total.decisions += decisions;
        total.policyMs += policyMs;
        total.frames += frames;
        total.encoderMs += encoderMs;
        total.compressorMs += compressorMs;
        total.memoryBytesAtDecisions += memoryBytesAtDecisions;
        total.memoryFramesAtDecisions += memoryFramesAtDecisions;
        total.memoryBytesOfFrames += memoryBytesOfFrames;
    }
}
