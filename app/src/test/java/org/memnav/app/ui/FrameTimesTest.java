package org.memnav.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameTimesTest {

    @Test
    void quantilesAreNearestRankAndSlowFramesAreCounted() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L; // 1 .. 100 ms, shuffled order must not matter
        }
        long[] shuffled = new long[100];
        for (int i = 0; i < 100; i++) {
            shuffled[i] = nanos[(i * 37) % 100];
        }
        FrameTimes t = FrameTimes.of(shuffled);
        assertThat(t.count()).isEqualTo(100);
        assertThat(t.medianMs()).isEqualTo(50.0);
        assertThat(t.p95Ms()).isEqualTo(95.0);
        assertThat(t.p99Ms()).isEqualTo(99.0);
        assertThat(t.maxMs()).isEqualTo(100.0);
        assertThat(t.over33Ms()).isEqualTo(67);
    }

    @Test
    void noSamplesGiveZeros() {
        assertThat(FrameTimes.of(new long[0])).isEqualTo(new FrameTimes(0, 0, 0, 0, 0, 0));
    }
}
