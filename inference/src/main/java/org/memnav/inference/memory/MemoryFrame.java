package org.memnav.inference.memory;

import org.memnav.simbridge.api.Pose;

/** One remembered frame: where it was taken and its (compressed) visual tokens, row-major [tokens, dim]. */
public record MemoryFrame(long id, int step, Pose pose, int tokens, int dim, float[] data) {

    public MemoryFrame {
        if (data.length != tokens * dim) {
            throw new IllegalArgumentException("memory frame " + id + " has " + data.length + " values, expected "
                    + tokens + "x" + dim);
        }
    }

    public long bytes() {
        return (long) data.length * Float.BYTES;
    }
}
