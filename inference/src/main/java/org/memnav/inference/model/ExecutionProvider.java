package org.memnav.inference.model;

/** The ONNX Runtime execution providers this workbench chooses between. */
public enum ExecutionProvider {
    CPU,
    CUDA
}
