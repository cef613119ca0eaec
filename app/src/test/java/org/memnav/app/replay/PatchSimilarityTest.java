package org.memnav.app.replay;

import org.junit.jupiter.api.Test;
import org.memnav.recordings.TokenTensor;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatchSimilarityTest {

    private static TokenTensor randomTokens(long seed) {
        Random r = new Random(seed);
        float[] v = new float[256 * 128];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return new TokenTensor(256, 128, v);
    }

    @Test
    void theClickedPatchIsMostSimilarToItself() {
        PatchSimilarity s = PatchSimilarity.of(randomTokens(1), 5, 11);
        assertThat(s.argMax()).isEqualTo(5 * 16 + 11);
        assertThat(s.at(5, 11)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        for (float v : s.values()) {
            assertThat(v).isBetween(-1.0001f, 1.0001f);
        }
    }

    @Test
    void aPatchWithTheSameDirectionScoresOneAndTheOppositeMinusOne() {
        TokenTensor t = randomTokens(2);
        float[] v = t.values();
        for (int k = 0; k < 128; k++) {
            v[(3 * 16 + 4) * 128 + k] = 2.5f * v[k];       // patch (3,4) = 2.5 x patch (0,0)
            v[(9 * 16 + 9) * 128 + k] = -v[k];             // patch (9,9) = -patch (0,0)
        }
        PatchSimilarity s = PatchSimilarity.of(t, 0, 0);
        assertThat(s.at(3, 4)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(s.at(9, 9)).isCloseTo(-1f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void theOverlayOutlinesTheClickedPatch() {
        PatchSimilarity s = PatchSimilarity.of(randomTokens(3), 0, 0);
        var img = s.overlay(256, 256, 150);
        assertThat(img.pixel(0, 0)).isEqualTo(0xFFFFFFFF);
        assertThat(img.pixel(100, 100) >>> 24).isEqualTo(150);
    }

    @Test
    void aPatchOutsideTheGridIsRefusedByName() {
        assertThatThrownBy(() -> PatchSimilarity.of(randomTokens(4), 16, 0)).hasMessageContaining("(16, 0)").hasMessageContaining("16x16");
    }

    @Test
    void nativeVlmTokensFollowQwenPatchesOf28Pixels() {
        assertThat(CompressionFigures.nativeVlmTokens(256, 256)).isEqualTo(100);
        assertThat(CompressionFigures.nativeVlmTokens(640, 480)).isEqualTo(18 * 23);
    }
}
