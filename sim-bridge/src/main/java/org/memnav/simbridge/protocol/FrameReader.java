package org.memnav.simbridge.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads frames from a stream. Every length from the prefix is checked against {@link FrameLimits}
 * and the header's blob table against the payload length before the payload buffer is allocated;
 * the payload is then read into one buffer and each blob is a read-only slice of it.
 * Not thread-safe: one reader per connection, used by one thread.
 */
public final class FrameReader {
    private final InputStream in;
    private final FrameLimits limits;
    private final WireJson json;

    public FrameReader(InputStream in, FrameLimits limits, WireJson json) {
        this.in = Objects.requireNonNull(in, "in");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * The next frame, or empty when the stream ends cleanly between frames.
     *
     * @throws ProtocolException the bytes are not a valid frame; the stream is then out of sync
     * @throws IOException       the stream failed
     */
    public Optional<Frame> read() throws IOException, ProtocolException {
        byte[] prefixBytes = new byte[FramePrefix.SIZE];
        int got = in.readNBytes(prefixBytes, 0, prefixBytes.length);
        if (got == 0) {
            return Optional.empty();
        }
        if (got < FramePrefix.SIZE) {
            throw new ProtocolException(ErrorCode.BAD_FRAME,
                    "truncated frame: the stream ended after " + got + " of the " + FramePrefix.SIZE + " prefix bytes");
        }
        FramePrefix prefix = FramePrefix.decode(prefixBytes);
        FrameType type = checkPrefix(prefix, prefixBytes);

        byte[] headerBytes = new byte[(int) prefix.headerLength()];
        got = in.readNBytes(headerBytes, 0, headerBytes.length);
        if (got < headerBytes.length) {
            throw new ProtocolException(ErrorCode.BAD_FRAME,
                    "truncated frame: the stream ended after " + got + " of " + headerBytes.length + " header bytes");
        }
        FrameHeaderCodec.Header header = FrameHeaderCodec.decode(json.parseHeader(headerBytes), type, prefix.payloadLength());

        ByteBuffer payload = ByteBuffer.allocate((int) prefix.payloadLength());
        got = in.readNBytes(payload.array(), 0, payload.capacity());
        if (got < payload.capacity()) {
            throw new ProtocolException(ErrorCode.BAD_FRAME,
                    "truncated frame: the stream ended after " + got + " of " + payload.capacity() + " payload bytes", header.id());
        }
        ByteBuffer readOnly = payload.asReadOnlyBuffer();
        List<Blob> blobs = new ArrayList<>(header.blobs().size());
        for (BlobDescriptor d : header.blobs()) {
            blobs.add(Blob.of(d.name(), d.dtype(), d.shape(), readOnly.slice((int) d.offset(), (int) d.nbytes())));
        }
        return Optional.of(new Frame(type, header.id(), header.method(), header.body(), header.error(), blobs));
    }

    private FrameType checkPrefix(FramePrefix prefix, byte[] raw) throws ProtocolException {
        if (prefix.magic() != FramePrefix.MAGIC) {
            throw new ProtocolException(ErrorCode.BAD_MAGIC, "expected magic 4d 4e 41 56 (\"MNAV\"), got "
                    + HexFormat.ofDelimiter(" ").formatHex(raw, 0, 4) + " (\"" + printable(raw) + "\"); is this a MemNav sim-bridge peer?");
        }
        ProtocolVersion version = prefix.protocolVersion();
        if (!version.sameMajor(ProtocolVersion.CURRENT)) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "peer speaks protocol " + version + " but this side speaks "
                    + ProtocolVersion.CURRENT + "; the major versions must match");
        }
        FrameType type = FrameType.fromCode(prefix.type());
        if (type == null) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "unknown frame type " + prefix.type() + "; expected 1..4");
        }
        if (prefix.headerLength() > limits.maxHeaderBytes()) {
            throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE, "header of " + prefix.headerLength()
                    + " bytes exceeds the limit of " + limits.maxHeaderBytes() + " bytes");
        }
        if (prefix.headerLength() < 2) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "header length " + prefix.headerLength() + " cannot hold a JSON object");
        }
        if (prefix.payloadLength() < 0 || prefix.payloadLength() > limits.maxPayloadBytes()) {
            throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE, "payload of " + prefix.payloadLengthText()
                    + " bytes exceeds the limit of " + limits.maxPayloadBytes() + " bytes");
        }
        return type;
    }

    private static String printable(byte[] raw) {
        StringBuilder s = new StringBuilder();
        for (char c : new String(raw, 0, 4, StandardCharsets.ISO_8859_1).toCharArray()) {
            s.append(c >= 0x20 && c < 0x7f ? c : '.');
        }
        return s.toString();
    }
}
