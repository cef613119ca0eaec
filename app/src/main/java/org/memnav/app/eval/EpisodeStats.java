package org.memnav.app.eval;

import org.memnav.inference.agent.EpisodeResult;
import org.memnav.inference.agent.StepEvent;
import org.memnav.inference.agent.StepListener;
import org.memnav.inference.strategy.MemoryEvent;
import org.memnav.scenes.metrics.LifelongMetrics;

import java.util.ArrayList;
import java.util.List;

/** Collects inference cost, memory size, writes and decision latencies over the steps of one episode. */
final class EpisodeStats implements StepListener {

    long decisions;
    double policyMs;
    long frames;
    double encoderMs;
    double compressorMs;
    double memoryBytesAtDecisions;
    long memoryFramesAtDecisions;
    long memoryBytesOfFrames;
    long writes;
    long memoryBytesAtEnd;
    long triggerFires;
    /** Inference time of each step that made a decision (encoder, compressor, goal, policy and gate probes). */
    final List<Double> decisionLatenciesMs = new ArrayList<>();

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
            decisionLatenciesMs.add(l.totalMs());
        }
        if (event.memory() != null) {
            writes = event.memory().writes();
            memoryBytesAtEnd = event.memory().bytes();
        }
        triggerFires += event.memoryEvents().stream().filter(e -> e.kind() == MemoryEvent.Kind.TRIGGER).count();
    }

    EpisodeSummary summary(EpisodeResult result) {
        LifelongMetrics m = new LifelongMetrics.Accumulator().add(result.spec(), result.outcomes()).metrics();
        int subtasks = result.spec().goals().size();
        return new EpisodeSummary(result.successRate(), result.spl(), m.firstVisit().spl(), m.revisit().spl(),
                writes / (double) subtasks, memoryBytesAtEnd, result.steps(), writes, decisions, triggerFires);
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
        total.decisionLatenciesMs.addAll(decisionLatenciesMs);
    }
}
