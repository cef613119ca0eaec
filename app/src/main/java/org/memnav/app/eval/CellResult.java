package org.memnav.app.eval;

import org.memnav.inference.agent.EpisodeResult;
import org.memnav.scenes.metrics.LifelongMetrics;

import java.util.List;

/**
 * What one cell measured over its episodes: GOAT metrics (SR, SPL, per modality, first visit vs
 * revisit), policy time per decision, and memory size (mean over decision points, and the bytes one
 * remembered frame takes).
 */
public record CellResult(EvalCell cell, List<EpisodeResult> episodes, LifelongMetrics metrics, long decisions,
                         double policyMsPerDecision, double encoderMsPerFrame, double compressorMsPerFrame,
                         double meanMemoryKb, double bytesPerFrame, long steps, double wallSeconds) {

    public CellResult {
        episodes = List.copyOf(episodes);
    }
}
