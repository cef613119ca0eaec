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
        return meanDifference(List.of(this), List.of(base), figure);
    }

    /**
     * Paired differences averaged over several pairs of cells (e.g. every rate at two memory lengths): per episode,
     * the mean over pairs of {@code cells[i]} minus {@code bases[i]}; the 95 % t-interval of those per-episode means.
     * Every cell must have run the same episodes in the same order.
     */
    public static SampleStatistics.Interval meanDifference(List<CellResult> cells, List<CellResult> bases,
                                                           java.util.function.ToDoubleFunction<EpisodeSummary> figure) {
        if (cells.isEmpty() || cells.size() != bases.size()) {
            throw new IllegalArgumentException("need as many base cells as cells, and at least one: " + cells.size() + " vs " + bases.size());
        }
        double[] sum = new double[cells.get(0).perEpisode.size()];
        for (int i = 0; i < cells.size(); i++) {
            CellResult c = cells.get(i);
            CellResult base = bases.get(i);
            List<String> ids = c.episodes.stream().map(e -> e.spec().episodeId()).toList();
            if (!ids.equals(base.episodes.stream().map(e -> e.spec().episodeId()).toList()) || c.perEpisode.size() != sum.length
                    || base.perEpisode.size() != sum.length) {
                throw new IllegalArgumentException("cells " + c.cell.label() + " and " + base.cell.label() + " ran different episodes");
            }
            double[] d = SampleStatistics.differences(c.perEpisode.stream().mapToDouble(figure).toArray(),
                    base.perEpisode.stream().mapToDouble(figure).toArray());
            for (int e = 0; e < sum.length; e++) {
                sum[e] += d[e] / cells.size();
            }
        }
        return SampleStatistics.tInterval(sum);
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
