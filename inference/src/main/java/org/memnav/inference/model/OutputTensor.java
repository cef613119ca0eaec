package org.memnav.inference.model;

/** A float model output copied out of ONNX Runtime: its shape and values (row-major). */
public record OutputTensor(String name, long[] shape, float[] values) {

    public long dim(int axis) {
        return shape[axis];
    }
}
