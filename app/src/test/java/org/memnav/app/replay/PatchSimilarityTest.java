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
    void theOverlayStretchesItsColoursToThisFramesRangeButKeepsTheCosines() {
        TokenTensor t = randomTokens(5);
        float[] v = t.values();
        for (int p = 1; p < 256; p++) {          // every patch close to patch (0,0): cosines ~0.5..1, as real frames
            for (int k = 0; k < 128; k++) {
                v[p * 128 + k] = v[k] + 0.9f * v[p * 128 + k];
            }
        }
        PatchSimilarity s = PatchSimilarity.of(t, 0, 0);
        assertThat(s.min()).isGreaterThan(0.3f);
        assertThat(s.max()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        int lowest = 0;
        int highestOther = 1;
        for (int i = 1; i < 256; i++) {
            lowest = s.values()[i] < s.values()[lowest] ? i : lowest;
            highestOther = s.values()[i] > s.values()[highestOther] ? i : highestOther;
        }
        var img = s.overlay(256, 256, 150);
        int rgbAt = img.pixel((lowest % 16) * 16 + 8, (lowest / 16) * 16 + 8) & 0xFFFFFF;
        assertThat(rgbAt).isEqualTo(PatchSimilarity.ramp(0) & 0xFFFFFF);          // the frame's minimum is the darkest colour
        assertThat(img.pixel(4, 4) & 0xFFFFFF).isEqualTo(PatchSimilarity.ramp(1) & 0xFFFFFF); // the clicked patch the brightest
        assertThat(PatchSimilarity.color(s.min()) & 0xFFFFFF).isNotEqualTo(rgbAt);  // an absolute scale would not be dark here
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
