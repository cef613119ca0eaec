package org.memnav.recordings.codec;

import java.io.IOException;

/**
 * Foxglove's {@code foxglove.CompressedImage} in protobuf encoding, the image form Foxglove and Lichtblick
 * show natively in their Image panel:
 * <pre>
 * message CompressedImage {
 *   google.protobuf.Timestamp timestamp = 1;
 *   string frame_id = 4;
 *   bytes data = 2;
 *   string format = 3;   // "png", "jpeg", "webp"
 * }
 * </pre>
 * The MCAP schema for it is a serialized {@code FileDescriptorSet} holding this file and its dependency
 * {@code google/protobuf/timestamp.proto}; both descriptors are built here field by field, so no
 * protobuf runtime is needed.
 */
public final class CompressedImageProto {
    public static final String SCHEMA_NAME = "foxglove.CompressedImage";
    public static final String SCHEMA_ENCODING = "protobuf";
    public static final String MESSAGE_ENCODING = "protobuf";

    /** A decoded message; {@code timestampNs} is the Timestamp as nanoseconds since the epoch. */
    public record CompressedImage(long timestampNs, String frameId, String format, byte[] data) {
    }

    private CompressedImageProto() {
    }

    /** The serialized FileDescriptorSet to store as the MCAP schema data. */
    public static byte[] fileDescriptorSet() {
        ProtobufWriter imageFile = FoxgloveDescriptors.file("foxglove/CompressedImage.proto", "CompressedImage",
                FoxgloveDescriptors.field("timestamp", 1, FoxgloveDescriptors.TYPE_MESSAGE, FoxgloveDescriptors.TIMESTAMP, "timestamp"),
                FoxgloveDescriptors.field("frame_id", 4, FoxgloveDescriptors.TYPE_STRING, null, "frameId"),
                FoxgloveDescriptors.field("data", 2, FoxgloveDescriptors.TYPE_BYTES, null, "data"),
                FoxgloveDescriptors.field("format", 3, FoxgloveDescriptors.TYPE_STRING, null, "format"));
        return FoxgloveDescriptors.descriptorSet(imageFile);
    }

    public static byte[] encode(long timestampNs, String frameId, String format, byte[] data) {
        return new ProtobufWriter()
                .messageField(1, FoxgloveDescriptors.timestamp(timestampNs))
                .bytesField(2, data)
                .stringField(3, format)
                .stringField(4, frameId)
                .toByteArray();
    }

    public static CompressedImage decode(byte[] message) throws IOException {
        long timestampNs = 0;
        String frameId = "";
        String format = "";
        byte[] data = new byte[0];
        ProtobufReader in = new ProtobufReader(message);
        while (in.nextField()) {
            switch (in.fieldNumber()) {
                case 1 -> timestampNs = FoxgloveDescriptors.decodeTimestamp(in.readMessage());
                case 2 -> data = in.readBytes();
                case 3 -> format = in.readString();
                case 4 -> frameId = in.readString();
                default -> in.skipField();
            }
        }
        return new CompressedImage(timestampNs, frameId, format, data);
    }

}
