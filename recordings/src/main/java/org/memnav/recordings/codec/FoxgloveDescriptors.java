package org.memnav.recordings.codec;

import java.io.IOException;

/**
 * Builds the protobuf schema data of Foxglove's well-known messages by hand: a serialized
 * {@code FileDescriptorSet} holding {@code google/protobuf/timestamp.proto} and one {@code foxglove/*.proto}
 * file, field by field, so no protobuf runtime or protoc is needed. Also the Timestamp sub-message both use.
 */
final class FoxgloveDescriptors {
    static final String TIMESTAMP = ".google.protobuf.Timestamp";
    static final int TYPE_INT64 = 3;
    static final int TYPE_INT32 = 5;
    static final int TYPE_FIXED32 = 7;
    static final int TYPE_STRING = 9;
    static final int TYPE_MESSAGE = 11;
    static final int TYPE_BYTES = 12;

    // descriptor.proto field numbers used below
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

    private FoxgloveDescriptors() {
    }

    /** A proto3 file in package foxglove, importing timestamp.proto, with one message. */
    static ProtobufWriter file(String fileName, String messageName, ProtobufWriter... fields) {
        ProtobufWriter message = new ProtobufWriter().stringField(MESSAGE_NAME, messageName);
        for (ProtobufWriter f : fields) {
            message.messageField(MESSAGE_FIELD, f);
        }
        return new ProtobufWriter()
                .stringField(FILE_NAME, fileName)
                .stringField(FILE_PACKAGE, "foxglove")
                .stringField(FILE_DEPENDENCY, "google/protobuf/timestamp.proto")
                .messageField(FILE_MESSAGE_TYPE, message)
                .stringField(FILE_SYNTAX, "proto3");
    }

    /** The FileDescriptorSet: timestamp.proto first, then the foxglove file that imports it. */
    static byte[] descriptorSet(ProtobufWriter foxgloveFile) {
        ProtobufWriter timestampFile = new ProtobufWriter()
                .stringField(FILE_NAME, "google/protobuf/timestamp.proto")
                .stringField(FILE_PACKAGE, "google.protobuf")
                .messageField(FILE_MESSAGE_TYPE, new ProtobufWriter()
                        .stringField(MESSAGE_NAME, "Timestamp")
                        .messageField(MESSAGE_FIELD, field("seconds", 1, TYPE_INT64, null, "seconds"))
                        .messageField(MESSAGE_FIELD, field("nanos", 2, TYPE_INT32, null, "nanos")))
                .stringField(FILE_SYNTAX, "proto3");
        return new ProtobufWriter()
                .messageField(1, timestampFile)
                .messageField(1, foxgloveFile)
                .toByteArray();
    }

    static ProtobufWriter field(String name, int number, int type, String typeName, String jsonName) {
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

    /** A google.protobuf.Timestamp for nanoseconds since the epoch. */
    static ProtobufWriter timestamp(long timestampNs) {
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
        return timestamp;
    }

    static long decodeTimestamp(ProtobufReader in) throws IOException {
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
}
