package org.memnav.inference.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiniteValuesTest {

    @Test
    void finiteValuesPass() {
        assertThatCode(() -> FiniteValues.require("m", "t", new float[] {0f, -1e30f, Float.MIN_VALUE, Float.MAX_VALUE}))
                .doesNotThrowAnyException();
    }

    @Test
    void infinityIsReportedWithItsIndex() {
        assertThatThrownBy(() -> FiniteValues.require("enc", "patch_tokens", new float[] {1f, 2f, Float.NEGATIVE_INFINITY, Float.NaN}))
                .isInstanceOf(ModelException.class)
                .hasMessage("model 'enc': output 'patch_tokens' has 1 NaN and 1 infinite values of 4, first at flat index 2");
    }
}
