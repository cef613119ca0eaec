package org.memnav.inference.model;

import java.util.Arrays;

/** A named model input: its shape and either float or int64 values (row-major). */
public record InputTensor(String name, long[] shape, float[] floats, long[] longs) {

    public InputTensor {
        long elements = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        long given = floats != null ? floats.length : longs.length;
        if (elements != given) {
            throw new IllegalArgumentException("input '" + name + "' has " + given + " values for shape " + Arrays.toString(shape));
        }
    }

    public static InputTensor floats(String name, float[] values, long... shape) {
        return new InputTensor(name, shape, values, null);
    }

    public static InputTensor longs(String name, long[] values, long... shape) {
        return new InputTensor(name, shape, null, values);
    }
}
