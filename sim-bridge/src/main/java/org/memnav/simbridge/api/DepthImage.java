package org.memnav.simbridge.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * Depth along the camera axis in metres, row-major, top row first (numpy float32 [H, W]); 0 = nothing hit.
 *
 * <p>Backed either by a {@code float[]} (what a renderer produces) or by little-endian float32 bytes as they
 * arrived on the wire, so a received frame is used in place: no conversion on receipt and none when it is
 * sent on or recorded. Read pixels with {@link #at(int)}; {@link #metres()} copies a byte-backed image.
 */
public final class DepthImage {
    private final int width;
    private final int height;
    private final float[] array;
    private final ByteBuffer bytes;
    private final FloatBuffer view;

    /** Wraps {@code metres} without copying; do not change it afterwards. */
    public DepthImage(int width, int height, float[] metres) {
        this(width, height, Objects.requireNonNull(metres, "metres"), null);
    }

    private DepthImage(int width, int height, float[] array, ByteBuffer bytes) {
        this.width = width;
        this.height = height;
        this.array = array;
        this.bytes = bytes;
        this.view = array != null ? FloatBuffer.wrap(array) : bytes.asFloatBuffer();
        if (view.remaining() != (long) width * height) {
            throw new IllegalArgumentException("depth buffer has " + view.remaining() + " values, expected " + width + "x" + height);
        }
    }

    /** Wraps little-endian float32 bytes (the remaining bytes of {@code littleEndian}) without copying; do not change them afterwards. */
    public static DepthImage ofLittleEndian(int width, int height, ByteBuffer littleEndian) {
        if (littleEndian.remaining() % Float.BYTES != 0) {
            throw new IllegalArgumentException("depth buffer has " + littleEndian.remaining() + " bytes, not a whole number of float32");
        }
        return new DepthImage(width, height, null, littleEndian.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Depth of pixel {@code index} (row-major), in metres. */
    public float at(int index) {
        return view.get(index);
    }

    /** Depth of pixel (x, y), in metres. */
    public float at(int x, int y) {
        return view.get(y * width + x);
    }

    /**
     * All depths as a {@code float[]}: the wrapped array itself for an array-backed image (do not change it),
     * a fresh copy for a byte-backed one.
     */
    public float[] metres() {
        if (array != null) {
            return array;
        }
        float[] out = new float[view.remaining()];
        view.duplicate().get(out);
        return out;
    }

    /**
     * Little-endian float32 bytes: a view of a byte-backed image (do not change it; like {@link #metres()}, it
     * shares the image's memory so that a writer can send it without a copy), a conversion of an array-backed one.
     */
    public ByteBuffer littleEndianBytes() {
        if (bytes != null) {
            return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer out = ByteBuffer.allocate(array.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.asFloatBuffer().put(array);
        return out;
    }

    @Override
    public String toString() {
        return "DepthImage[" + width + "x" + height + (bytes != null ? ", wire bytes]" : "]");
    }
}
