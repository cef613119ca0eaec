package org.memnav.recordings.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Minimal protobuf wire-format reader: walks fields, skipping those the caller does not ask for. */
final class ProtobufReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] data;
    private final int end;
    private int position;
    private int fieldNumber;
    private int wireType;

    ProtobufReader(byte[] data) {
        this(data, 0, data.length);
    }

    private ProtobufReader(byte[] data, int from, int to) {
        this.data = data;
        this.position = from;
        this.end = to;
    }

    /** Reads the next field's tag; false at the end of the message. */
    boolean nextField() throws IOException {
        if (position >= end) {
            return false;
        }
        long tag = varint();
        fieldNumber = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (fieldNumber == 0) {
            throw new IOException("protobuf field number 0 is invalid");
        }
        return true;
    }

    int fieldNumber() {
        return fieldNumber;
    }

    long readVarint() throws IOException {
        expect(VARINT);
        return varint();
    }

    /** A fixed32 field as an unsigned value. */
    long readFixed32() throws IOException {
        expect(FIXED32);
        advance(4);
        return (data[position - 4] & 0xFFL) | (data[position - 3] & 0xFFL) << 8 | (data[position - 2] & 0xFFL) << 16
                | (data[position - 1] & 0xFFL) << 24;
    }

    byte[] readBytes() throws IOException {
        expect(LENGTH_DELIMITED);
        long n = varint();
        if (n < 0 || n > end - position) {
            throw new IOException("protobuf field of " + n + " bytes runs past the end of the message");
        }
        byte[] out = Arrays.copyOfRange(data, position, position + (int) n);
        position += (int) n;
        return out;
    }

    String readString() throws IOException {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    ProtobufReader readMessage() throws IOException {
        return new ProtobufReader(readBytes());
    }

    void skipField() throws IOException {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> readBytes();
            case FIXED32 -> advance(4);
            default -> throw new IOException("unsupported protobuf wire type " + wireType);
        }
    }

    private void expect(int type) throws IOException {
        if (wireType != type) {
            throw new IOException("protobuf field " + fieldNumber + " has wire type " + wireType + ", expected " + type);
        }
    }

    private void advance(int n) throws IOException {
        if (n > end - position) {
            throw new IOException("protobuf message is cut off");
        }
        position += n;
    }

    private long varint() throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new IOException("protobuf varint is cut off");
            }
            int b = data[position++] & 0xFF;
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("protobuf varint is longer than 10 bytes");
    }
}
