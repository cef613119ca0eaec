package org.memnav.recordings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Element type of a raw tensor channel; values are stored little-endian, row-major. */
public enum TensorDtype {
    /** IEEE 754 binary16: half the bytes, about 3 significant digits (plenty for ViT tokens). */
    FLOAT16("float16", 2),
    FLOAT32("float32", 4);

    private final String wireName;
    private final int bytes;

    TensorDtype(String wireName, int bytes) {
        this.wireName = wireName;
        this.bytes = bytes;
    }

    /** The name in channel metadata and numpy: "float16", "float32". */
    public String wireName() {
        return wireName;
    }

    public int bytesPerValue() {
        return bytes;
    }

    public static TensorDtype fromWireName(String name) {
        for (TensorDtype d : values()) {
            if (d.wireName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown tensor dtype '" + name + "' (expected float16 or float32)");
    }

    /** Little-endian bytes of {@code values} in this type (float16 rounds to nearest even). */
    public byte[] encode(float[] values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (this == FLOAT16) {
            for (float v : values) {
                out.putShort(Float.floatToFloat16(v));
            }
        } else {
            for (float v : values) {
                out.putFloat(v);
            }
        }
        return out.array();
    }

    /** The values of little-endian {@code data}; its length must be a whole number of values. */
    public float[] decode(byte[] data) {
        if (data.length % bytes != 0) {
            throw new IllegalArgumentException(data.length + " bytes are not a whole number of " + wireName + " values");
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[data.length / bytes];
        for (int i = 0; i < out.length; i++) {
            out[i] = this == FLOAT16 ? Float.float16ToFloat(in.getShort()) : in.getFloat();
        }
        return out;
    }
}
