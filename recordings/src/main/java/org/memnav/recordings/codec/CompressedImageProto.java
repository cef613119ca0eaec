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

    // descriptor.proto field numbers and enum values used below
    private static final int FILE_NAME = 1;
    private static final int FILE_PACKAGE = 2;
    private static final int FILE_DEPENDENCY = 3;
    private static final int FILE_MESSAGE_TYPE = 4;
    private static final int FILE_SYNTAX = 12;
    private static final int MESSAGE_NAME = 1;
    private static final int MESSAGE_FIELD = 2;
    private static final int FIELD_NAME = 1;
    private static final int FIELD_NUMBER = 3;
    private static final int FIELD_LABEL = 4;
    private static final int FIELD_TYPE = 5;
    private static final int FIELD_TYPE_NAME = 6;
    private static final int FIELD_JSON_NAME = 10;
    private static final int LABEL_OPTIONAL = 1;
    private static final int TYPE_INT64 = 3;
    private static final int TYPE_INT32 = 5;
    private static final int TYPE_STRING = 9;
    private static final int TYPE_MESSAGE = 11;
    private static final int TYPE_BYTES = 12;

    /** A decoded message; {@code timestampNs} is the Timestamp as nanoseconds since the epoch. */
    public record CompressedImage(long timestampNs, String frameId, String format, byte[] data) {
    }

    private CompressedImageProto() {
    }

    /** The serialized FileDescriptorSet to store as the MCAP schema data. */
    public static byte[] fileDescriptorSet() {
        ProtobufWriter timestampFile = new ProtobufWriter()
                .stringField(FILE_NAME, "google/protobuf/timestamp.proto")
                .stringField(FILE_PACKAGE, "google.protobuf")
                .messageField(FILE_MESSAGE_TYPE, new ProtobufWriter()
                        .stringField(MESSAGE_NAME, "Timestamp")
                        .messageField(MESSAGE_FIELD, field("seconds", 1, TYPE_INT64, null, "seconds"))
                        .messageField(MESSAGE_FIELD, field("nanos", 2, TYPE_INT32, null, "nanos")))
                .stringField(FILE_SYNTAX, "proto3");
        ProtobufWriter imageFile = new ProtobufWriter()
                .stringField(FILE_NAME, "foxglove/CompressedImage.proto")
                .stringField(FILE_PACKAGE, "foxglove")
                .stringField(FILE_DEPENDENCY, "google/protobuf/timestamp.proto")
                .messageField(FILE_MESSAGE_TYPE, new ProtobufWriter()
                        .stringField(MESSAGE_NAME, "CompressedImage")
                        .messageField(MESSAGE_FIELD, field("timestamp", 1, TYPE_MESSAGE, ".google.protobuf.Timestamp", "timestamp"))
                        .messageField(MESSAGE_FIELD, field("frame_id", 4, TYPE_STRING, null, "frameId"))
                        .messageField(MESSAGE_FIELD, field("data", 2, TYPE_BYTES, null, "data"))
                        .messageField(MESSAGE_FIELD, field("format", 3, TYPE_STRING, null, "format")))
                .stringField(FILE_SYNTAX, "proto3");
        return new ProtobufWriter()
                .messageField(1, timestampFile)
                .messageField(1, imageFile)
                .toByteArray();
    }

    public static byte[] encode(long timestampNs, String frameId, String format, byte[] data) {
        ProtobufWriter timestamp = new ProtobufWriter();
        long seconds = Math.floorDiv(timestampNs, 1_000_000_000L);
        long nanos = Math.floorMod(timestampNs, 1_000_000_000L);
        // proto3 leaves fields at their default value out of the encoding
        if (seconds != 0) {
            timestamp.varintField(1, seconds);
        }
        if (nanos != 0) {
            timestamp.varintField(2, nanos);
        }
        return new ProtobufWriter()
                .messageField(1, timestamp)
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
                case 1 -> timestampNs = decodeTimestamp(in.readMessage());
                case 2 -> data = in.readBytes();
                case 3 -> format = in.readString();
                case 4 -> frameId = in.readString();
                default -> in.skipField();
            }
        }
        return new CompressedImage(timestampNs, frameId, format, data);
    }

    private static long decodeTimestamp(ProtobufReader in) throws IOException {
        long seconds = 0;
        long nanos = 0;
        while (in.nextField()) {
            switch (in.fieldNumber()) {
                case 1 -> seconds = in.readVarint();
                case 2 -> nanos = (int) in.readVarint();
                default -> in.skipField();
            }
        }
        return seconds * 1_000_000_000L + nanos;
    }

    private static ProtobufWriter field(String name, int number, int type, String typeName, String jsonName) {
        ProtobufWriter f = new ProtobufWriter()
                .stringField(FIELD_NAME, name)
                .varintField(FIELD_NUMBER, number)
                .varintField(FIELD_LABEL, LABEL_OPTIONAL)
                .varintField(FIELD_TYPE, type);
        if (typeName != null) {
            f.stringField(FIELD_TYPE_NAME, typeName);
        }
        return f.stringField(FIELD_JSON_NAME, jsonName);
    }
}
