package org.memnav.simbridge.protocol;

/**
 * What a receiver accepts. Lengths in the prefix are checked against these before anything is
 * allocated; senders check their own frames against them too so that an oversized reply becomes an
 * error frame instead of a frame the peer would refuse.
 */
public record FrameLimits(int maxHeaderBytes, long maxPayloadBytes) {
    public static final int DEFAULT_MAX_HEADER_BYTES = 1 << 20;
    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 256L << 20;

    public FrameLimits {
        if (maxHeaderBytes < 2) {
            throw new IllegalArgumentException("maxHeaderBytes must hold at least '{}', got " + maxHeaderBytes);
        }
        // Payloads are read into one ByteBuffer, whose capacity is an int.
        if (maxPayloadBytes < 0 || maxPayloadBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxPayloadBytes must be 0.." + (Integer.MAX_VALUE - 8) + ", got " + maxPayloadBytes);
        }
    }

    public static FrameLimits defaults() {
        return new FrameLimits(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public FrameLimits withMaxPayloadBytes(long bytes) {
        return new FrameLimits(maxHeaderBytes, bytes);
    }

    public FrameLimits withMaxHeaderBytes(int bytes) {
        return new FrameLimits(bytes, maxPayloadBytes);
    }
}
