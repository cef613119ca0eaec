package org.memnav.simbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.memnav.simbridge.testing.FrameBytes;

class FrameCodecTest {
    private final WireJson json = new WireJson();

    private byte[] write(ProtocolVersion version, Frame frame, FrameLimits limits) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameWriter(out, limits, json).write(version, frame);
        return out.toByteArray();
    }

    private Optional<Frame> read(byte[] bytes, FrameLimits limits) throws Exception {
        return new FrameReader(new ByteArrayInputStream(bytes), limits, json).read();
    }

    private Frame readOne(byte[] bytes) throws Exception {
        return read(bytes, FrameLimits.defaults()).orElseThrow();
    }

    private ProtocolException readFails(byte[] bytes) {
        return readFails(bytes, FrameLimits.defaults());
    }

    private ProtocolException readFails(byte[] bytes, FrameLimits limits) {
        return catchThrowableOfType(ProtocolException.class, () -> read(bytes, limits));
    }

    @Test
    void requestWithBlobsOfSeveralDtypesRoundTrips() throws Exception {
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("action", "move_forward");
        byte[] rgb = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
        float[] depth = {0.5f, 1.25f, Float.NaN, -3f, 7f, 1e-9f};
        int[] ids = {-1, 0, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 42};
        Frame sent = Frame.request(7, "step", params,
                List.of(Blob.uint8("rgb", rgb, 2, 3, 3), Blob.float32("depth", depth, 2, 3), Blob.int32("semantic", ids, 2, 3)));

        byte[] bytes = write(ProtocolVersion.CURRENT, sent, FrameLimits.defaults());
        Frame got = readOne(bytes);

        assertThat(got.type()).isEqualTo(FrameType.REQUEST);
        assertThat(got.id()).isEqualTo(7);
        assertThat(got.method()).isEqualTo("step");
        assertThat(got.body()).isEqualTo(params);
        assertThat(got.blob("rgb").orElseThrow().toByteArray()).isEqualTo(rgb);
        assertThat(got.blob("rgb").orElseThrow().shape()).containsExactly(2, 3, 3);
        assertThat(got.blob("depth").orElseThrow().toFloatArray()).usingElementComparator(Float::compare).containsExactly(
                0.5f, 1.25f, Float.NaN, -3f, 7f, 1e-9f);
        assertThat(got.blob("semantic").orElseThrow().toIntArray()).isEqualTo(ids);
    }

    @Test
    void blobsAreAlignedReadOnlyLittleEndianViewsOfOnePayload() throws Exception {
        Frame sent = Frame.response(3, "x", null, List.of(Blob.uint8("odd", new byte[5], 5), Blob.float32("f", new float[] {2f}, 1)));
        byte[] bytes = write(ProtocolVersion.CURRENT, sent, FrameLimits.defaults());
        FramePrefix prefix = FramePrefix.decode(bytes);

        assertThat((FramePrefix.SIZE + prefix.headerLength()) % 8).as("payload starts 8-aligned").isZero();
        assertThat(prefix.payloadLength()).isEqualTo(8 + 4);
        String header = new String(bytes, 20, (int) prefix.headerLength(), StandardCharsets.UTF_8);
        assertThat(header).contains("\"offset\":0", "\"offset\":8");

        Blob f = readOne(bytes).blob("f").orElseThrow();
        ByteBuffer view = f.data();
        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(view.getFloat(0)).isEqualTo(2f);
        int payloadStart = 20 + (int) prefix.headerLength();
        assertThat(Arrays.copyOfRange(bytes, payloadStart + 8, payloadStart + 12)).containsExactly(0, 0, 0, 0x40);
    }

    @Test
    void errorFrameCarriesCodeAndMessage() throws Exception {
        Frame got = readOne(write(ProtocolVersion.CURRENT, Frame.error(9, "step", WireError.of(ErrorCode.BACKEND_ERROR, "boom")),
                FrameLimits.defaults()));
        assertThat(got.type()).isEqualTo(FrameType.ERROR);
        assertThat(got.id()).isEqualTo(9);
        assertThat(got.error()).isEqualTo(new WireError("backend_error", "boom"));
    }

    @Test
    void severalFramesReadInSequenceThenCleanEnd() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out, FrameLimits.defaults(), json);
        for (int i = 1; i <= 3; i++) {
            writer.write(ProtocolVersion.CURRENT, Frame.request(i, "m" + i, null, List.of(Blob.uint8("b", new byte[i], i))));
        }
        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()), FrameLimits.defaults(), json);
        for (int i = 1; i <= 3; i++) {
            Frame f = reader.read().orElseThrow();
            assertThat(f.id()).isEqualTo(i);
            assertThat(f.blob("b").orElseThrow().byteCount()).isEqualTo(i);
        }
        assertThat(reader.read()).isEmpty();
    }

    @Test
    void laterMinorVersionOfTheSameMajorIsAccepted() throws Exception {
        byte[] bytes = write(new ProtocolVersion(1, 9), Frame.request(1, "hello", null, List.of()), FrameLimits.defaults());
        assertThat(readOne(bytes).method()).isEqualTo("hello");
    }

    @Test
    void wrongMagicIsBadMagic() {
        byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        ProtocolException e = readFails(http);
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_MAGIC);
        assertThat(e.getMessage()).contains("MNAV", "\"GET \"");
    }

    @Test
    void otherMajorVersionIsUnsupportedAndNamesBothVersions() {
        ProtocolException e = readFails(FrameBytes.frame(FrameBytes.MAGIC, 0x0200, 1, "{\"id\":1}".getBytes(), new byte[0]));
        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(e.getMessage()).contains("2.0", "1.0");
    }

    @Test
    void unknownFrameTypeIsBadFrame() {
        ProtocolException e = readFails(FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 9, "{\"id\":1}".getBytes(), new byte[0]));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(e.getMessage()).contains("type 9");
    }

    @Test
    void truncatedPrefixHeaderOrPayloadIsBadFrame() throws Exception {
        byte[] whole = write(ProtocolVersion.CURRENT, Frame.request(5, "step", null, List.of(Blob.uint8("b", new byte[16], 16))),
                FrameLimits.defaults());
        int headerEnd = 20 + (int) FramePrefix.decode(whole).headerLength();
        for (int cut : new int[] {7, 25, headerEnd + 3}) {
            ProtocolException e = readFails(Arrays.copyOf(whole, cut));
            assertThat(e.code()).as("cut at %d", cut).isEqualTo(ErrorCode.BAD_FRAME);
            assertThat(e.getMessage()).contains("truncated");
        }
        assertThat(readFails(Arrays.copyOf(whole, headerEnd + 3)).requestId()).as("id known once the header was read").isEqualTo(5);
    }

    @Test
    void oversizedLengthsAreRefusedBeforeAnythingIsAllocated() {
        // Only the prefix is sent: a reader that trusted these lengths would try to allocate terabytes.
        ProtocolException payload = readFails(FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 1, 8, 1L << 40, new byte[0], new byte[0]));
        assertThat(payload.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(payload.getMessage()).contains("1099511627776", "268435456");

        ProtocolException unsigned = readFails(FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 1, 8, -1L, new byte[0], new byte[0]));
        assertThat(unsigned.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(unsigned.getMessage()).contains("18446744073709551615");

        ProtocolException header = readFails(FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 1, 0xFFFF_FFFFL, 0, new byte[0], new byte[0]));
        assertThat(header.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(header.getMessage()).contains("4294967295", "1048576");
    }

    @Test
    void payloadLimitIsConfigurable() throws Exception {
        byte[] bytes = write(ProtocolVersion.CURRENT, Frame.request(1, "m", null, List.of(Blob.uint8("b", new byte[100], 100))),
                FrameLimits.defaults());
        assertThat(readFails(bytes, FrameLimits.defaults().withMaxPayloadBytes(99)).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(read(bytes, FrameLimits.defaults().withMaxPayloadBytes(100))).isPresent();
    }

    @Test
    void writerRefusesFramesOverItsLimitsAndWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out, FrameLimits.defaults().withMaxPayloadBytes(10), json);
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> writer.write(ProtocolVersion.CURRENT,
                Frame.response(4, "step", null, List.of(Blob.uint8("rgb", new byte[11], 11)))));
        assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(e.requestId()).isEqualTo(4);
        assertThat(e.getMessage()).contains("response to step", "11 bytes");
        assertThat(out.size()).isZero();
    }

    @Test
    void garbageHeaderIsBadJson() {
        assertThat(readFails(FrameBytes.request("{\"id\": 1, \"method\": ")).code()).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(readFails(FrameBytes.request("[1, 2, 3]")).code()).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(readFails(FrameBytes.request("{\"id\":1,\"method\":\"m\"} {}")).code()).isEqualTo(ErrorCode.BAD_JSON);
        byte[] notUtf8 = {'{', '"', 'i', 'd', '"', ':', '1', ',', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        ProtocolException e = readFails(FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 1, notUtf8, new byte[0]));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(e.getMessage()).contains("UTF-8");
    }

    @Test
    void blobByteCountMustEqualShapeTimesItemSize() {
        String header = "{\"id\":12,\"method\":\"step\",\"blobs\":[{\"name\":\"depth\",\"dtype\":\"float32\",\"shape\":[2,3],\"offset\":0,\"nbytes\":23}]}";
        ProtocolException e = readFails(FrameBytes.request(header, new byte[24]));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(e.getMessage()).contains("depth", "nbytes 23", "24 bytes");
        assertThat(e.requestId()).isEqualTo(12);
    }

    @Test
    void invalidBlobTablesAreBadFrames() {
        String[] tables = {
            "[{\"name\":\"a\",\"dtype\":\"uint8\",\"shape\":[8],\"offset\":4,\"nbytes\":8}]",          // past the payload end
            "[{\"name\":\"a\",\"dtype\":\"uint8\",\"shape\":[8],\"offset\":0,\"nbytes\":8},"
                    + "{\"name\":\"b\",\"dtype\":\"uint8\",\"shape\":[4],\"offset\":4,\"nbytes\":4}]",    // overlap
            "[{\"name\":\"a\",\"dtype\":\"uint8\",\"shape\":[4],\"offset\":0,\"nbytes\":4},"
                    + "{\"name\":\"a\",\"dtype\":\"uint8\",\"shape\":[4],\"offset\":4,\"nbytes\":4}]",    // duplicate name
            "[{\"name\":\"a\",\"dtype\":\"complex256\",\"shape\":[1],\"offset\":0,\"nbytes\":32}]",     // unknown dtype
            "[{\"name\":\"a\",\"dtype\":\"uint8\",\"shape\":[-8],\"offset\":0,\"nbytes\":8}]",          // negative dim
            "[{\"name\":\"a\",\"dtype\":\"float64\",\"shape\":[4294967296,4294967296],\"offset\":0,\"nbytes\":8}]", // overflow
            "[{\"dtype\":\"uint8\",\"shape\":[8],\"offset\":0,\"nbytes\":8}]",                           // no name
            "{\"name\":\"a\"}",                                                                          // not an array
        };
        for (String table : tables) {
            ProtocolException e = readFails(FrameBytes.request("{\"id\":1,\"method\":\"m\",\"blobs\":" + table + "}", new byte[8]));
            assertThat(e).as(table).isNotNull();
            assertThat(e.code()).as(table).isEqualTo(ErrorCode.BAD_FRAME);
        }
    }

    @Test
    void headerFieldsAreChecked() {
        assertThat(readFails(FrameBytes.request("{\"method\":\"m\"}")).getMessage()).contains("'id'");
        assertThat(readFails(FrameBytes.request("{\"id\":-1,\"method\":\"m\"}")).code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(readFails(FrameBytes.request("{\"id\":1}")).getMessage()).contains("method");
        assertThat(readFails(FrameBytes.request("{\"id\":1,\"method\":\"m\",\"params\":[1]}")).code()).isEqualTo(ErrorCode.BAD_FRAME);
        byte[] errorWithoutError = FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 3, "{\"id\":1}".getBytes(), new byte[0]);
        assertThat(readFails(errorWithoutError).code()).isEqualTo(ErrorCode.BAD_FRAME);
        byte[] tinyHeader = FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 1, "{".getBytes(), new byte[0]);
        assertThat(readFails(tinyHeader).code()).isEqualTo(ErrorCode.BAD_FRAME);
    }

    @Test
    void unknownHeaderFieldsAndPaddingAreIgnored() throws Exception {
        Frame f = readOne(FrameBytes.request("{\"id\":2,\"method\":\"m\",\"future_field\":{\"x\":1}}      "));
        assertThat(f.id()).isEqualTo(2);
        assertThat(f.body()).isEmpty();
    }

    @Test
    void emptyStreamIsACleanEnd() throws Exception {
        assertThat(read(new byte[0], FrameLimits.defaults())).isEmpty();
    }

    @Test
    void payloadIsReadFromSlowStreamsCompletely() throws Exception {
        byte[] data = new byte[100_000];
        new java.util.Random(1).nextBytes(data);
        byte[] bytes = write(ProtocolVersion.CURRENT, Frame.request(1, "m", null, List.of(Blob.uint8("d", data, data.length))),
                FrameLimits.defaults());
        // A plain InputStream (not ByteArrayInputStream, whose readNBytes assumes one read suffices) handing out 7 bytes a call.
        InputStream source = new ByteArrayInputStream(bytes);
        InputStream trickle = new InputStream() {
            @Override
            public int read() throws IOException {
                return source.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return source.read(b, off, Math.min(len, 7));
            }
        };
        Frame f = new FrameReader(trickle, FrameLimits.defaults(), json).read().orElseThrow();
        assertThat(f.blob("d").orElseThrow().toByteArray()).isEqualTo(data);
    }

    @Test
    void dtypeAccessorsRefuseTheWrongType() {
        Blob b = Blob.uint8("x", new byte[4], 4);
        assertThat(catchThrowableOfType(IllegalStateException.class, b::toFloatArray)).hasMessageContaining("uint8");
    }

    @Test
    void ioFailureIsNotAProtocolError() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("reset");
            }
        };
        assertThat(catchThrowableOfType(IOException.class, () -> new FrameReader(broken, FrameLimits.defaults(), json).read()))
                .hasMessage("reset");
    }
}
