package org.memnav.inference.model;

/** Guards model outputs: a NaN or infinity must stop the pipeline before it reaches memory or policy. */
public final class FiniteValues {

    private FiniteValues() {
    }

    /** Throws a {@link ModelException} naming the model and tensor if any value is NaN or infinite. */
    public static void require(String modelName, String tensorName, float[] values) {
        int nan = 0;
        int infinite = 0;
        int first = -1;
        for (int i = 0; i < values.length; i++) {
            float value = values[i];
            if (Float.isNaN(value)) {
                nan++;
            } else if (Float.isInfinite(value)) {
                infinite++;
            } else {
                continue;
            }
            if (first < 0) {
                first = i;
            }
        }
        if (first >= 0) {
            throw new ModelException("model '" + modelName + "': output '" + tensorName + "' has " + nan + " NaN and "
                    + infinite + " infinite values of " + values.length + ", first at flat index " + first);
        }
    }
}
