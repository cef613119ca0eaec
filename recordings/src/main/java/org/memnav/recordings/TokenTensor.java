package org.memnav.recordings;

import java.util.Arrays;

/** Visual tokens of one frame, row-major [tokens, dim] (tokens row-major over the encoder's patch grid). */
public record TokenTensor(int tokens, int dim, float[] values) {
    public TokenTensor {
        if (tokens <= 0 || dim <= 0) {
            throw new IllegalArgumentException("token tensor " + tokens + "x" + dim + " must be positive");
        }
        if (values.length != tokens * dim) {
            throw new IllegalArgumentException("token tensor has " + values.length + " values, expected " + tokens + "x" + dim);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenTensor t && t.tokens == tokens && t.dim == dim && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return (tokens * 31 + dim) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TokenTensor[" + tokens + "x" + dim + "]";
    }
}
