package org.memnav.app.eval;

import org.memnav.inference.agent.EpisodeResult;
import org.memnav.scenes.metrics.LifelongMetrics;

import java.util.List;

/**
 * What one cell measured over its episodes: GOAT metrics (SR, SPL, per modality, first visit vs
 * revisit), policy time per decision, and memory size (mean over decision points, and the bytes one
 * remembered frame takes), each episode's own figures (for confidence intervals) and the median and 95th
 * percentile of the inference time of steps that made a decision.
 */
public record CellResult(EvalCell cell, List<EpisodeResult> episodes, LifelongMetrics metrics, long decisions,
                         double policyMsPerDecision, double encoderMsPerFrame, double compressorMsPerFrame,
                         double meanMemoryKb, double bytesPerFrame, long steps, double wallSeconds,
                         List<EpisodeSummary> perEpisode, double decisionMsMedian, double decisionMsP95) {

    public CellResult {
        episodes = List.copyOf(episodes);
        perEpisode = List.copyOf(perEpisode);
    }

    /** The 95 % t-interval over episodes of one per-episode figure. */
    public SampleStatistics.Interval interval(java.util.function.ToDoubleFunction<EpisodeSummary> figure) {
        return SampleStatistics.tInterval(perEpisode.stream().mapToDouble(figure).toArray());
    }

    /**
     * The 95 % interval of this cell's figure minus {@code base}'s, paired episode by episode; both cells must have
     * run the same episodes in the same order (the eval runner keeps the plan's order).
     */
    public SampleStatistics.Interval differenceFrom(CellResult base, java.util.function.ToDoubleFunction<EpisodeSummary> figure) {
        List<String> mine = episodes.stream().map(e -> e.spec().episodeId()).toList();
        List<String> theirs = base.episodes.stream().map(e -> e.spec().episodeId()).toList();
        if (!mine.equals(theirs)) {
            throw new IllegalArgumentException("cells " + cell.label() + " and " + base.cell.label() + " ran different episodes");
        }
        return SampleStatistics.pairedDifference(perEpisode.stream().mapToDouble(figure).toArray(),
                base.perEpisode.stream().mapToDouble(figure).toArray());
    }

    /** Writes per step over all episodes (what a budget-matched arm is given). */
    public double writesPerStep() {
        long steps = perEpisode.stream().mapToLong(EpisodeSummary::steps).sum();
        return steps == 0 ? 0 : perEpisode.stream().mapToLong(EpisodeSummary::writes).sum() / (double) steps;
    }

    /** Share of decisions at which the MemGen trigger consulted long-term memory (0 for other arms). */
    public double triggerFireRate() {
        long d = perEpisode.stream().mapToLong(EpisodeSummary::decisions).sum();
        return d == 0 ? 0 : perEpisode.stream().mapToLong(EpisodeSummary::triggerFires).sum() / (double) d;
    }
}
