package org.memnav.recordings.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Our hand-built descriptor and wire encoding checked with the real protobuf runtime. */
class CompressedImageProtoTest {
    private static final long TIME_NS = 1_700_000_123_456_789_012L;

    @Test
    void descriptorSetBuildsTheFoxgloveMessage() throws Exception {
        Descriptors.Descriptor image = imageDescriptor();
        assertThat(image.getFullName()).isEqualTo(CompressedImageProto.SCHEMA_NAME);
        assertThat(image.findFieldByName("timestamp").getMessageType().getFullName()).isEqualTo("google.protobuf.Timestamp");
        assertThat(image.findFieldByNumber(1).getName()).isEqualTo("timestamp");
        assertThat(image.findFieldByNumber(2).getType()).isEqualTo(Descriptors.FieldDescriptor.Type.BYTES);
        assertThat(image.findFieldByNumber(2).getName()).isEqualTo("data");
        assertThat(image.findFieldByNumber(3).getName()).isEqualTo("format");
        assertThat(image.findFieldByNumber(4).getName()).isEqualTo("frame_id");

        // Our timestamp.proto stand-in matches the real one field for field.
        DescriptorProtos.FileDescriptorSet set = DescriptorProtos.FileDescriptorSet.parseFrom(CompressedImageProto.fileDescriptorSet());
        DescriptorProtos.DescriptorProto ours = set.getFile(0).getMessageType(0);
        DescriptorProtos.DescriptorProto real = Timestamp.getDescriptor().toProto();
        assertThat(ours.getName()).isEqualTo(real.getName());
        assertThat(ours.getFieldList()).extracting(f -> f.getName() + "=" + f.getNumber() + ":" + f.getType())
                .containsExactlyElementsOf(real.getFieldList().stream()
                        .map(f -> f.getName() + "=" + f.getNumber() + ":" + f.getType()).toList());
    }

    @Test
    void encodedMessagesParseWithTheProtobufRuntime() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Descriptors.Descriptor image = imageDescriptor();
        DynamicMessage parsed = DynamicMessage.parseFrom(image, CompressedImageProto.encode(TIME_NS, "camera", "png", png));
        assertThat(((ByteString) parsed.getField(image.findFieldByName("data"))).toByteArray()).isEqualTo(png);
        assertThat(parsed.getField(image.findFieldByName("format"))).isEqualTo("png");
        assertThat(parsed.getField(image.findFieldByName("frame_id"))).isEqualTo("camera");
        DynamicMessage stamp = (DynamicMessage) parsed.getField(image.findFieldByName("timestamp"));
        Descriptors.Descriptor stampType = stamp.getDescriptorForType();
        assertThat(stamp.getField(stampType.findFieldByName("seconds"))).isEqualTo(1_700_000_123L);
        assertThat(stamp.getField(stampType.findFieldByName("nanos"))).isEqualTo(456_789_012);
    }

    @Test
    void decodesMessagesWrittenByTheProtobufRuntime() throws Exception {
        Descriptors.Descriptor image = imageDescriptor();
        Descriptors.Descriptor stampType = image.findFieldByName("timestamp").getMessageType();
        DynamicMessage stamp = DynamicMessage.newBuilder(stampType)
                .setField(stampType.findFieldByName("seconds"), 42L)
                .setField(stampType.findFieldByName("nanos"), 7)
                .build();
        DynamicMessage message = DynamicMessage.newBuilder(image)
                .setField(image.findFieldByName("timestamp"), stamp)
                .setField(image.findFieldByName("frame_id"), "cam")
                .setField(image.findFieldByName("data"), ByteString.copyFrom(new byte[] {9, 8, 7}))
                .setField(image.findFieldByName("format"), "jpeg")
                .build();
        CompressedImageProto.CompressedImage decoded = CompressedImageProto.decode(message.toByteArray());
        assertThat(decoded.timestampNs()).isEqualTo(42_000_000_007L);
        assertThat(decoded.frameId()).isEqualTo("cam");
        assertThat(decoded.format()).isEqualTo("jpeg");
        assertThat(decoded.data()).containsExactly(9, 8, 7);
    }

    @Test
    void roundTripsThroughOurOwnDecoder() throws IOException {
        CompressedImageProto.CompressedImage decoded = CompressedImageProto.decode(
                CompressedImageProto.encode(TIME_NS, "camera", "png", new byte[] {1, 2}));
        assertThat(decoded.timestampNs()).isEqualTo(TIME_NS);
        assertThat(decoded.data()).containsExactly(1, 2);
    }

    private static Descriptors.Descriptor imageDescriptor() throws Exception {
        DescriptorProtos.FileDescriptorSet set = DescriptorProtos.FileDescriptorSet.parseFrom(CompressedImageProto.fileDescriptorSet());
        assertThat(set.getFileCount()).isEqualTo(2);
        Descriptors.FileDescriptor timestamp = Descriptors.FileDescriptor.buildFrom(set.getFile(0), new Descriptors.FileDescriptor[0]);
        Descriptors.FileDescriptor file = Descriptors.FileDescriptor.buildFrom(set.getFile(1),
                new Descriptors.FileDescriptor[] {timestamp});
        return file.findMessageTypeByName("CompressedImage");
    }
}
