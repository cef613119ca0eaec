package org.memnav.simbridge.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes frames to a stream: prefix, JSON header, then the blobs, each at an offset that is a
 * multiple of {@link #BLOB_ALIGNMENT} so a reader can view them as aligned numpy arrays. The header
 * is padded with spaces so the payload also starts 8-aligned within the frame. Blob bytes backed by
 * an array are written straight from it. Thread-safe: frames from concurrent callers never interleave.
 */
public final class FrameWriter {
    public static final int BLOB_ALIGNMENT = 8;
    private static final byte[] ZEROS = new byte[BLOB_ALIGNMENT];

    private final OutputStream out;
    private final FrameLimits limits;
    private final WireJson json;
    private final ReentrantLock lock = new ReentrantLock();

    /** {@code out} should be buffered; each frame ends with a flush. */
    public FrameWriter(OutputStream out, FrameLimits limits, WireJson json) {
        this.out = Objects.requireNonNull(out, "out");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * Writes one frame.
     *
     * @throws ProtocolException {@code frame_too_large} when the frame breaks the limits; nothing was written
     */
    public void write(ProtocolVersion version, Frame frame) throws IOException, ProtocolException {
        List<BlobDescriptor> layout = layout(frame.blobs());
        long payloadLength = layout.isEmpty() ? 0 : layout.getLast().end();
        if (payloadLength > limits.maxPayloadBytes()) {
            throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE, describe(frame) + " would carry a payload of " + payloadLength
                    + " bytes, over the limit of " + limits.maxPayloadBytes() + " bytes", frame.id());
        }
        byte[] header = padded(json.toBytes(FrameHeaderCodec.encode(frame, layout)));
        if (header.length > limits.maxHeaderBytes()) {
            throw new ProtocolException(ErrorCode.FRAME_TOO_LARGE, describe(frame) + " would have a header of " + header.length
                    + " bytes, over the limit of " + limits.maxHeaderBytes() + " bytes", frame.id());
        }
        byte[] prefix = FramePrefix.of(version, frame.type(), header.length, payloadLength).encode();
        lock.lock();
        try {
            out.write(prefix);
            out.write(header);
            long written = 0;
            for (int i = 0; i < layout.size(); i++) {
                BlobDescriptor d = layout.get(i);
                out.write(ZEROS, 0, (int) (d.offset() - written));
                writeBytes(frame.blobs().get(i).rawData());
                written = d.end();
            }
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Offsets of the blobs in order, each rounded up to the alignment. */
    static List<BlobDescriptor> layout(List<Blob> blobs) {
        List<BlobDescriptor> layout = new ArrayList<>(blobs.size());
        long offset = 0;
        for (Blob b : blobs) {
            offset = align(offset);
            layout.add(new BlobDescriptor(b.name(), b.dtype(), b.shape(), offset, b.byteCount()));
            offset += b.byteCount();
        }
        return layout;
    }

    private static long align(long offset) {
        return (offset + BLOB_ALIGNMENT - 1) / BLOB_ALIGNMENT * BLOB_ALIGNMENT;
    }

    private static byte[] padded(byte[] header) {
        int total = FramePrefix.SIZE + header.length;
        int pad = (int) (align(total) - total);
        if (pad == 0) {
            return header;
        }
        byte[] out = Arrays.copyOf(header, header.length + pad);
        Arrays.fill(out, header.length, out.length, (byte) ' ');
        return out;
    }

    private void writeBytes(ByteBuffer data) throws IOException {
        if (data.hasArray()) {
            out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            return;
        }
        byte[] chunk = new byte[Math.min(data.remaining(), 1 << 16)];
        while (data.hasRemaining()) {
            int n = Math.min(chunk.length, data.remaining());
            data.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    private static String describe(Frame frame) {
        return frame.type().name().toLowerCase() + (frame.method() == null ? "" : " to " + frame.method());
    }
}
