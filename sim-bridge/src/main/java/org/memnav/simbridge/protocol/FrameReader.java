package org.memnav.simbridge.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads frames from a stream. Every length from the prefix is checked against {@link FrameLimits}
 * and the header's blob table against the payload length before the payload buffer is allocated;
 * the payload is then read blob by blob, each into an array of its own that the blob wraps (fresh, or lent
 * through {@link BlobArrays}).
 * Not thread-safe: one reader per connection, used by one thread.
 */
public final class FrameReader {
    private final InputStream in;
    private final FrameLimits limits;
    private final WireJson json;
    private final byte[] scratch = new byte[8192];

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
        return read(BlobArrays.FRESH);
    }

    /**
     * The next frame, its blobs read into arrays from {@code arrays} (which may lend recycled ones), or empty
     * when the stream ends cleanly between frames.
     *
     * @throws ProtocolException the bytes are not a valid frame; the stream is then out of sync
     * @throws IOException       the stream failed
     */
    public Optional<Frame> read(BlobArrays arrays) throws IOException, ProtocolException {
        Objects.requireNonNull(arrays, "arrays");
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

        Map<BlobDescriptor, byte[]> contents = readPayload(header, prefix.payloadLength(), arrays);
        List<Blob> blobs = new ArrayList<>(header.blobs().size());
        for (BlobDescriptor d : header.blobs()) {
            blobs.add(Blob.of(d.name(), d.dtype(), d.shape(), ByteBuffer.wrap(contents.get(d))));
        }
        return Optional.of(new Frame(type, header.id(), header.method(), header.body(), header.error(), blobs));
    }

    /**
     * Reads the payload blob by blob, each into an array of its own (in offset order; padding and unreferenced
     * bytes are read and dropped), so that a blob's array can become an image as it is: no payload-sized buffer
     * to copy out of. Offsets and sizes were checked against the payload length and each other by the header codec.
     */
    private Map<BlobDescriptor, byte[]> readPayload(FrameHeaderCodec.Header header, long payloadLength, BlobArrays arrays)
            throws IOException, ProtocolException {
        List<BlobDescriptor> byOffset = new ArrayList<>(header.blobs());
        byOffset.sort(Comparator.comparingLong(BlobDescriptor::offset));
        Map<BlobDescriptor, byte[]> out = new IdentityHashMap<>();
        long position = 0;
        for (BlobDescriptor d : byOffset) {
            position = skip(d.offset() - position, position, payloadLength, header.id());
            byte[] content = arrays.arrayFor(header.id(), d.name(), (int) d.nbytes());
            if (content.length != d.nbytes()) {
                throw new IllegalStateException("blob array for '" + d.name() + "' has " + content.length + " bytes, not " + d.nbytes());
            }
            int got = in.readNBytes(content, 0, content.length);
            if (got < content.length) {
                throw truncated(position + got, payloadLength, header.id());
            }
            position += content.length;
            out.put(d, content);
        }
        skip(payloadLength - position, position, payloadLength, header.id());
        return out;
    }

    /** Reads and drops {@code count} bytes; returns the payload position after them. */
    private long skip(long count, long position, long payloadLength, long id) throws IOException, ProtocolException {
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(left, scratch.length);
            int got = in.readNBytes(scratch, 0, n);
            if (got < n) {
                throw truncated(position + (count - left) + got, payloadLength, id);
            }
            left -= n;
        }
        return position + count;
    }

    private static ProtocolException truncated(long got, long payloadLength, long id) {
        return new ProtocolException(ErrorCode.BAD_FRAME,
                "truncated frame: the stream ended after " + got + " of " + payloadLength + " payload bytes", id);
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
