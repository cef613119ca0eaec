package org.memnav.simbridge.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-built frame bytes, so tests can produce exactly the broken frames a writer never would. */
public final class FrameBytes {
    public static final int MAGIC = 0x56414E4D;
    public static final int V1_0 = 0x0100;
    public static final int REQUEST = 1;

    private FrameBytes() {
    }

    public static byte[] frame(int magic, int version, int type, byte[] header, byte[] payload) {
        return frame(magic, version, type, header.length, payload.length, header, payload);
    }

    /** A frame whose prefix may claim other lengths than the bytes that follow. */
    public static byte[] frame(int magic, int version, int type, long headerLen, long payloadLen, byte[] header, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + header.length + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(magic).putShort((short) version).putShort((short) type).putInt((int) headerLen).putLong(payloadLen);
        b.put(header).put(payload);
        return b.array();
    }

    public static byte[] request(String headerJson, byte[] payload) {
        return frame(MAGIC, V1_0, REQUEST, headerJson.getBytes(StandardCharsets.UTF_8), payload);
    }

    public static byte[] request(String headerJson) {
        return request(headerJson, new byte[0]);
    }
}
