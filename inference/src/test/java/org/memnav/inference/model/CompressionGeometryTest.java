package org.memnav.inference.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressionGeometryTest {

    @Test
    void theEncodersSixteenBySixteenGridGivesTheIssuesTokenCounts() {
        assertThat(new CompressionGeometry(16, 16, 1).outputTokens()).isEqualTo(256);
        assertThat(new CompressionGeometry(16, 16, 4).outputTokens()).isEqualTo(64);
        assertThat(new CompressionGeometry(16, 16, 16).outputTokens()).isEqualTo(16);
        assertThat(new CompressionGeometry(16, 16, 64).outputTokens()).isEqualTo(4);
        assertThat(new CompressionGeometry(16, 16, 64).blocks()).isEqualTo(3);
        assertThat(new CompressionGeometry(16, 16, 1).blocks()).isZero();
    }

    @Test
    void gridsThatAreNotAMultipleOfTwoToTheNArePaddedUpFirst() {
        // a 720x640 frame through a ViT-B/16 (DINOv3-style) gives a 45x40 grid
        CompressionGeometry g = new CompressionGeometry(45, 40, 64);
        assertThat(g.paddedRows()).isEqualTo(48);
        assertThat(g.paddedCols()).isEqualTo(40);
        assertThat(g.outputRows()).isEqualTo(6);
        assertThat(g.outputCols()).isEqualTo(5);
        assertThat(g.outputTokens()).isEqualTo(30); // the paper's "about 30 tokens per frame"

        CompressionGeometry small = new CompressionGeometry(5, 3, 4);
        assertThat(small.paddedRows()).isEqualTo(6);
        assertThat(small.paddedCols()).isEqualTo(4);
        assertThat(small.outputTokens()).isEqualTo(6);
        assertThat(new CompressionGeometry(5, 3, 1).outputTokens()).as("rate 1 pads nothing").isEqualTo(15);
    }

    @Test
    void bytesPerFrameFallByTheRate() {
        long r1 = new CompressionGeometry(16, 16, 1).bytesPerFrame(64);
        assertThat(r1).isEqualTo(256L * 64 * 4);
        assertThat(new CompressionGeometry(16, 16, 4).bytesPerFrame(64)).isEqualTo(r1 / 4);
        assertThat(new CompressionGeometry(16, 16, 16).bytesPerFrame(64)).isEqualTo(r1 / 16);
        assertThat(new CompressionGeometry(16, 16, 64).bytesPerFrame(64)).isEqualTo(r1 / 64);
    }

    @Test
    void onlyPowersOfFourAreRates() {
        assertThatThrownBy(() -> new CompressionGeometry(16, 16, 2)).hasMessageContaining("power of 4");
        assertThatThrownBy(() -> new CompressionGeometry(16, 16, 8)).hasMessageContaining("was 8");
        assertThatThrownBy(() -> new CompressionGeometry(16, 16, 0)).hasMessageContaining("power of 4");
        assertThatThrownBy(() -> new CompressionGeometry(0, 16, 4)).hasMessageContaining("positive");
    }
}
