package org.memnav.simbridge.protocol;

import java.util.Arrays;

/** One row of the header's blob table: where a blob lies in the payload. */
public record BlobDescriptor(String name, Dtype dtype, long[] shape, long offset, long nbytes) {
    public BlobDescriptor {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long end() {
        return offset + nbytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobDescriptor b && name.equals(b.name) && dtype == b.dtype && Arrays.equals(shape, b.shape)
                && offset == b.offset && nbytes == b.nbytes;
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return name + " " + dtype.numpyName() + " " + Arrays.toString(shape) + " @" + offset + "+" + nbytes;
    }
}
