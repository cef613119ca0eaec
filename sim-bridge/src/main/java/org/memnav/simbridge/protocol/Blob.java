package org.memnav.simbridge.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A named n-dimensional array carried in a frame's payload: numpy dtype, C-order shape and the
 * little-endian bytes. A received blob wraps the array its bytes were read into (no copy); the
 * {@code to...Array} methods copy out into Java arrays.
 */
public final class Blob {
    private final String name;
    private final Dtype dtype;
    private final long[] shape;
    private final ByteBuffer data;

    private Blob(String name, Dtype dtype, long[] shape, ByteBuffer data) {
        this.name = Objects.requireNonNull(name, "name");
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.shape = shape.clone();
        long expected = byteCount(dtype, this.shape);
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("blob '" + name + "' has " + data.remaining() + " bytes, but " + dtype.numpyName()
                    + " " + Arrays.toString(shape) + " needs " + expected);
        }
        this.data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Wraps little-endian bytes as they are; the buffer's remaining bytes must match dtype and shape. */
    public static Blob of(String name, Dtype dtype, long[] shape, ByteBuffer littleEndianBytes) {
        return new Blob(name, dtype, shape, littleEndianBytes);
    }

    /** Wraps the array without copying; do not change it until the frame is written. */
    public static Blob uint8(String name, byte[] data, long... shape) {
        return new Blob(name, Dtype.UINT8, shape, ByteBuffer.wrap(data));
    }

    public static Blob float32(String name, float[] data, long... shape) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(data.length, 4)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(data);
        return new Blob(name, Dtype.FLOAT32, shape, bytes);
    }

    public static Blob int32(String name, int[] data, long... shape) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(data.length, 4)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(data);
        return new Blob(name, Dtype.INT32, shape, bytes);
    }

    /** Bytes an array of this dtype and shape occupies; throws ArithmeticException on overflow. */
    public static long byteCount(Dtype dtype, long[] shape) {
        long n = dtype.itemSize();
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public String name() {
        return name;
    }

    public Dtype dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    public long byteCount() {
        return data.remaining();
    }

    /** Read-only little-endian view of the bytes, positioned at 0. */
    public ByteBuffer data() {
        return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The buffer as given, for the writer: it may expose a backing array to write without copying. */
    ByteBuffer rawData() {
        return data.duplicate();
    }

    public boolean hasShape(Dtype expectedDtype, long... expectedShape) {
        return dtype == expectedDtype && Arrays.equals(shape, expectedShape);
    }

    /**
     * The array the blob wraps when it wraps a whole one (as every received blob does), else a copy: how a
     * received image takes over its bytes without copying them. Package-private: only decoders that own the
     * frame may take its arrays.
     */
    byte[] wholeArrayOrCopy() {
        if (data.hasArray() && data.arrayOffset() == 0 && data.position() == 0 && data.remaining() == data.array().length) {
            return data.array();
        }
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }

    public byte[] toByteArray() {
        requireDtype(Dtype.UINT8, Dtype.INT8, Dtype.BOOL);
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }

    public float[] toFloatArray() {
        requireDtype(Dtype.FLOAT32);
        float[] out = new float[data.remaining() / 4];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    public int[] toIntArray() {
        requireDtype(Dtype.INT32);
        int[] out = new int[data.remaining() / 4];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    private void requireDtype(Dtype... allowed) {
        for (Dtype d : allowed) {
            if (d == dtype) {
                return;
            }
        }
        throw new IllegalStateException("blob '" + name + "' is " + dtype.numpyName() + ", not " + Arrays.toString(allowed));
    }

    @Override
    public String toString() {
        return "Blob[" + name + " " + dtype.numpyName() + " " + Arrays.toString(shape) + "]";
    }
}
