package org.memnav.recordings.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Minimal protobuf wire-format writer: varint, fixed32 and length-delimited fields, enough for our fixed messages. */
final class ProtobufWriter {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtobufWriter varintField(int field, long value) {
        varint(((long) field << 3) | VARINT);
        varint(value);
        return this;
    }

    /** A fixed32 field (four little-endian bytes), as foxglove.RawImage uses for its sizes. */
    ProtobufWriter fixed32Field(int field, int value) {
        varint(((long) field << 3) | FIXED32);
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
        return this;
    }

    ProtobufWriter bytesField(int field, byte[] value) {
        varint(((long) field << 3) | LENGTH_DELIMITED);
        varint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtobufWriter stringField(int field, String value) {
        return bytesField(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtobufWriter messageField(int field, ProtobufWriter message) {
        return bytesField(field, message.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
