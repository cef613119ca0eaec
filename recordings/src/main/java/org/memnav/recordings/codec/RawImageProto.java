package org.memnav.recordings.codec;

import java.io.IOException;

/**
 * Foxglove's {@code foxglove.RawImage} in protobuf encoding, which its Image panel shows without
 * configuration (a {@code 32FC1} image as a depth map):
 * <pre>
 * message RawImage {
 *   google.protobuf.Timestamp timestamp = 1;
 *   string frame_id = 7;
 *   fixed32 width = 2;
 *   fixed32 height = 3;
 *   string encoding = 4;   // "32FC1": one little-endian float32 per pixel
 *   fixed32 step = 5;      // bytes per row
 *   bytes data = 6;
 * }
 * </pre>
 */
public final class RawImageProto {
    public static final String SCHEMA_NAME = "foxglove.RawImage";
    public static final String SCHEMA_ENCODING = "protobuf";
    public static final String MESSAGE_ENCODING = "protobuf";

    /** A decoded message; {@code timestampNs} is the Timestamp as nanoseconds since the epoch. */
    public record RawImage(long timestampNs, String frameId, int width, int height, String encoding, int step, byte[] data) {
    }

    private RawImageProto() {
    }

    /** The serialized FileDescriptorSet to store as the MCAP schema data. */
    public static byte[] fileDescriptorSet() {
        ProtobufWriter imageFile = FoxgloveDescriptors.file("foxglove/RawImage.proto", "RawImage",
                FoxgloveDescriptors.field("timestamp", 1, FoxgloveDescriptors.TYPE_MESSAGE, FoxgloveDescriptors.TIMESTAMP, "timestamp"),
                FoxgloveDescriptors.field("frame_id", 7, FoxgloveDescriptors.TYPE_STRING, null, "frameId"),
                FoxgloveDescriptors.field("width", 2, FoxgloveDescriptors.TYPE_FIXED32, null, "width"),
                FoxgloveDescriptors.field("height", 3, FoxgloveDescriptors.TYPE_FIXED32, null, "height"),
                FoxgloveDescriptors.field("encoding", 4, FoxgloveDescriptors.TYPE_STRING, null, "encoding"),
                FoxgloveDescriptors.field("step", 5, FoxgloveDescriptors.TYPE_FIXED32, null, "step"),
                FoxgloveDescriptors.field("data", 6, FoxgloveDescriptors.TYPE_BYTES, null, "data"));
        return FoxgloveDescriptors.descriptorSet(imageFile);
    }

    public static byte[] encode(long timestampNs, String frameId, int width, int height, String encoding, int step,
                                byte[] data) {
        return new ProtobufWriter()
                .messageField(1, FoxgloveDescriptors.timestamp(timestampNs))
                .fixed32Field(2, width)
                .fixed32Field(3, height)
                .stringField(4, encoding)
                .fixed32Field(5, step)
                .bytesField(6, data)
                .stringField(7, frameId)
                .toByteArray();
    }

    public static RawImage decode(byte[] message) throws IOException {
        long timestampNs = 0;
        String frameId = "";
        long width = 0;
        long height = 0;
        String encoding = "";
        long step = 0;
        byte[] data = new byte[0];
        ProtobufReader in = new ProtobufReader(message);
        while (in.nextField()) {
            switch (in.fieldNumber()) {
                case 1 -> timestampNs = FoxgloveDescriptors.decodeTimestamp(in.readMessage());
                case 2 -> width = in.readFixed32();
                case 3 -> height = in.readFixed32();
                case 4 -> encoding = in.readString();
                case 5 -> step = in.readFixed32();
                case 6 -> data = in.readBytes();
                case 7 -> frameId = in.readString();
                default -> in.skipField();
            }
        }
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE || step > Integer.MAX_VALUE) {
            throw new IOException("raw image of " + width + "x" + height + " (step " + step + ") is too large");
        }
        return new RawImage(timestampNs, frameId, (int) width, (int) height, encoding, (int) step, data);
    }
}
