package org.memnav.app.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SampleStatisticsTest {

    @Test
    void tIntervalOfFiveEpisodes() {
        // mean 3, s = sqrt(2.5), t(0.975, 4) = 2.776: half width 2.776 * 1.5811 / sqrt(5) = 1.963
        SampleStatistics.Interval i = SampleStatistics.tInterval(new double[] {1, 2, 3, 4, 5});
        assertThat(i.mean()).isEqualTo(3.0);
        assertThat(i.halfWidth()).isCloseTo(1.963, within(1e-3));
        assertThat(i.n()).isEqualTo(5);
    }

    @Test
    void episodesWithoutTheFigureAreLeftOutAndOneEpisodeHasNoWidth() {
        SampleStatistics.Interval i = SampleStatistics.tInterval(new double[] {Double.NaN, 0.5, Double.NaN});
        assertThat(i).isEqualTo(new SampleStatistics.Interval(0.5, 0.5, 0.5, 1));
        assertThat(SampleStatistics.tInterval(new double[] {}).n()).isZero();
        SampleStatistics.Interval same = SampleStatistics.tInterval(new double[] {0.2, 0.2, 0.2});
        assertThat(same.halfWidth()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void criticalValuesFollowTheTableAndApproachTheNormal() {
        assertThat(SampleStatistics.t975(1)).isEqualTo(12.706);
        assertThat(SampleStatistics.t975(30)).isEqualTo(2.042);
        assertThat(SampleStatistics.t975(60)).isCloseTo(2.000, within(1e-9));
        assertThat(SampleStatistics.t975(1000)).isBetween(1.960, 1.963);
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] v = {10, 1, 4, 3, 2};
        assertThat(SampleStatistics.quantile(v, 0.5)).isEqualTo(3.0);
        assertThat(SampleStatistics.quantile(v, 0.95)).isCloseTo(8.8, within(1e-9)); // 4 + 0.8 * (10 - 4)
        assertThat(SampleStatistics.quantile(new double[] {}, 0.5)).isNaN();
    }

    @Test
    void cellFiguresAggregateOverEpisodes() {
        EvalCell cell = new EvalCell("trigger", 16, 50);
        CellResult c = new CellResult(cell, java.util.List.of(), null, 0, 0, 0, 0, 0, 0, 0, 0, java.util.List.of(
                new EpisodeSummary(0.2, 0.1, 0.1, Double.NaN, 10, 4096, 100, 50, 20, 5),
                new EpisodeSummary(0.4, 0.3, 0.2, 0.5, 20, 8192, 300, 100, 30, 10)), 1, 2);
        assertThat(c.writesPerStep()).isEqualTo(150 / 400.0);
        assertThat(c.triggerFireRate()).isEqualTo(15 / 50.0);
        assertThat(c.interval(EpisodeSummary::revisitSpl).n()).isEqualTo(1);
        assertThat(c.interval(EpisodeSummary::successRate).mean()).isCloseTo(0.3, within(1e-12));
        assertThat(new EvalCell("random", 16, 50, 0.05).budgeted()).isTrue();
        assertThat(cell.budgeted()).isFalse();
    }

    @Test
    void pairedDifferencesRemoveWhatEpisodesShare() {
        // differences 0.2, 0, 0.4: mean 0.2, s = 0.2, t(0.975, 2) = 4.303 -> half width 4.303 * 0.2 / sqrt(3) = 0.497
        SampleStatistics.Interval d = SampleStatistics.pairedDifference(new double[] {0.2, 0.4, 0.6, Double.NaN},
                new double[] {0.0, 0.4, 0.2, 0.5});
        assertThat(d.mean()).isCloseTo(0.2, within(1e-12));
        assertThat(d.halfWidth()).isCloseTo(0.497, within(1e-3));
        assertThat(d.n()).isEqualTo(3);
        // the same offset on every episode is a certain difference, however different the episodes are
        SampleStatistics.Interval shift = SampleStatistics.pairedDifference(new double[] {0.9, 0.1, 0.5}, new double[] {0.8, 0.0, 0.4});
        assertThat(shift.halfWidth()).isCloseTo(0.0, within(1e-9));
        assertThat(shift.mean()).isCloseTo(0.1, within(1e-9));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SampleStatistics.pairedDifference(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same episodes");
    }

    @Test
    void cellsArePairedEpisodeByEpisode() {
        CellResult base = new CellResult(new EvalCell("astranav", 1, 50), java.util.List.of(), null, 0, 0, 0, 0, 0, 0, 0, 0, java.util.List.of(
                new EpisodeSummary(0.2, 0.1, 0.1, Double.NaN, 10, 4096, 100, 50, 20, 0),
                new EpisodeSummary(0.6, 0.3, 0.2, 0.5, 20, 8192, 300, 100, 30, 0)), 1, 2);
        CellResult other = new CellResult(new EvalCell("astranav", 64, 50), java.util.List.of(), null, 0, 0, 0, 0, 0, 0, 0, 0, java.util.List.of(
                new EpisodeSummary(0.0, 0.0, 0.0, Double.NaN, 10, 4096, 100, 50, 20, 0),
                new EpisodeSummary(0.4, 0.2, 0.2, 0.5, 20, 8192, 300, 100, 30, 0)), 1, 2);
        assertThat(other.differenceFrom(base, EpisodeSummary::successRate).mean()).isCloseTo(-0.2, within(1e-12));
        assertThat(other.differenceFrom(base, EpisodeSummary::spl).mean()).isCloseTo(-0.1, within(1e-12));
    }

    @Test
    void memoryEffectsAreAveragedOverRatesEpisodeByEpisode() {
        // two rates at two lengths, three episodes; per episode the mean over rates of (long - short) SR is
        // (0.2 + 0.4) / 2 = 0.3, (0 + 0.2) / 2 = 0.1, (0.2 + 0.2) / 2 = 0.2 -> mean 0.2
        CellResult shortR1 = cell(1, 10, 0.0, 0.2, 0.4);
        CellResult longR1 = cell(1, 50, 0.2, 0.2, 0.6);
        CellResult shortR64 = cell(64, 10, 0.2, 0.0, 0.2);
        CellResult longR64 = cell(64, 50, 0.6, 0.2, 0.4);
        SampleStatistics.Interval d = CellResult.meanDifference(java.util.List.of(longR1, longR64), java.util.List.of(shortR1, shortR64),
                EpisodeSummary::successRate);
        assertThat(d.mean()).isCloseTo(0.2, within(1e-12));
        assertThat(d.n()).isEqualTo(3);
        // s = 0.1, t(0.975, 2) = 4.303: half width 4.303 * 0.1 / sqrt(3) = 0.248
        assertThat(d.halfWidth()).isCloseTo(0.248, within(1e-3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CellResult.meanDifference(java.util.List.of(longR1),
                java.util.List.of(cell(1, 10, 0.0, 0.2)), EpisodeSummary::successRate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different episodes");
    }

    private static CellResult cell(int rate, int length, double... successRates) {
        java.util.List<EpisodeSummary> episodes = java.util.Arrays.stream(successRates)
                .mapToObj(sr -> new EpisodeSummary(sr, sr / 2, sr / 2, Double.NaN, 10, 4096, 100, 50, 20, 0)).toList();
        return new CellResult(new EvalCell("astranav", rate, length), java.util.List.of(), null, 0, 0, 0, 0, 0, 0, 0, 0, episodes, 1, 2);
    }

    @Test
    void recordingsAreNamedByArmSettingsAndEpisode() {
        assertThat(EvalRunner.recordingName(new EvalCell("gate", 16, 50), 3)).isEqualTo("gate_r16_L50_ep03.mcap");
        assertThat(EvalRunner.recordingName(new EvalCell("periodic", 4, 25, 0.0625), 0)).isEqualTo("periodic_r4_L25_b0.0625_ep00.mcap");
    }
}
