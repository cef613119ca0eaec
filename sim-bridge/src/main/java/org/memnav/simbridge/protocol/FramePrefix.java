package org.memnav.simbridge.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fixed 20-byte little-endian start of every frame:
 * <pre>
 * offset 0  u32 magic       0x56414E4D, the ASCII bytes "MNAV"
 * offset 4  u16 version     major << 8 | minor
 * offset 6  u16 type        1 REQUEST, 2 RESPONSE, 3 ERROR, 4 EVENT
 * offset 8  u32 headerLen   bytes of UTF-8 JSON header that follow
 * offset 12 u64 payloadLen  bytes of raw payload after the header
 * </pre>
 * Lengths are kept as unsigned values in longs; a payloadLen above 2^63 reads as negative and is
 * refused as too large by the reader.
 */
public record FramePrefix(int magic, int version, int type, long headerLength, long payloadLength) {
    public static final int SIZE = 20;
    /** "MNAV" read as a little-endian u32. */
    public static final int MAGIC = 0x56414E4D;

    public static FramePrefix of(ProtocolVersion version, FrameType type, long headerLength, long payloadLength) {
        return new FramePrefix(MAGIC, version.toWire(), type.code(), headerLength, payloadLength);
    }

    public static FramePrefix decode(byte[] twentyBytes) {
        ByteBuffer b = ByteBuffer.wrap(twentyBytes, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt();
        int version = Short.toUnsignedInt(b.getShort());
        int type = Short.toUnsignedInt(b.getShort());
        long headerLength = Integer.toUnsignedLong(b.getInt());
        long payloadLength = b.getLong();
        return new FramePrefix(magic, version, type, headerLength, payloadLength);
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(magic).putShort((short) version).putShort((short) type).putInt((int) headerLength).putLong(payloadLength);
        return b.array();
    }

    public ProtocolVersion protocolVersion() {
        return ProtocolVersion.fromWire(version);
    }

    /** The payload length as an unsigned number, for messages. */
    public String payloadLengthText() {
        return Long.toUnsignedString(payloadLength);
    }
}
