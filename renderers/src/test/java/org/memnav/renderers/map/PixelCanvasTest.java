package org.memnav.renderers.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PixelCanvasTest {

    @Test
    void linesIncludeBothEndsAndStepOnePixelAtATime() {
        ArgbImage image = ArgbImage.filled(10, 10, 0);
        new PixelCanvas(image).line(1, 2, 8, 5, 0xFFFFFFFF, 1);
        int lit = 0;
        for (int p : image.pixels()) {
            lit += p != 0 ? 1 : 0;
        }
        assertThat(lit).isEqualTo(8); // x-major: one pixel per column from 1 to 8
        assertThat(image.pixel(1, 2)).isNotZero();
        assertThat(image.pixel(8, 5)).isNotZero();
    }

    @Test
    void translucentColoursBlendAndOpaqueOnesOverwrite() {
        ArgbImage image = ArgbImage.filled(2, 1, 0xFF000000);
        PixelCanvas canvas = new PixelCanvas(image);
        canvas.plot(0, 0, 0x80FFFFFF);
        canvas.plot(1, 0, 0xFF336699);
        canvas.plot(5, 5, 0xFFFFFFFF); // outside: ignored
        assertThat(image.pixel(0, 0)).isEqualTo(0xFF808080);
        assertThat(image.pixel(1, 0)).isEqualTo(0xFF336699);
    }

    @Test
    void trianglesFillBothWindingsAndCirclesAreRound() {
        ArgbImage a = ArgbImage.filled(10, 10, 0);
        ArgbImage b = ArgbImage.filled(10, 10, 0);
        new PixelCanvas(a).fillTriangle(0, 0, 10, 0, 0, 10, 0xFF000001);
        new PixelCanvas(b).fillTriangle(0, 0, 0, 10, 10, 0, 0xFF000001);
        assertThat(a.pixels()).containsExactly(b.pixels());
        assertThat(a.pixel(0, 0)).isEqualTo(0xFF000001);
        assertThat(a.pixel(4, 4)).isEqualTo(0xFF000001); // centre (4.5, 4.5) lies on the hypotenuse
        assertThat(a.pixel(9, 9)).isZero();

        ArgbImage c = ArgbImage.filled(11, 11, 0);
        new PixelCanvas(c).fillCircle(5.5, 5.5, 3, 0xFF000001);
        assertThat(c.pixel(5, 5)).isNotZero();
        assertThat(c.pixel(8, 5)).isNotZero();
        assertThat(c.pixel(9, 5)).isZero();
        assertThat(c.pixel(8, 8)).isZero();
    }
}
