package org.memnav.simbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.client.SimClient;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.FrameType;
import org.memnav.simbridge.testing.FakeSimBackend;
import org.memnav.simbridge.testing.FrameBytes;
import org.memnav.simbridge.testing.RawPeer;

/** Each kind of broken frame gets its documented error frame and a closed connection; the server keeps serving. */
@Timeout(30)
class SimServerBadInputTest {
    private final FakeSimBackend backend = new FakeSimBackend();
    private SimServer server;

    @BeforeEach
    void start() throws Exception {
        server = SimServer.start(backend);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> badFrames() {
        byte[] goodHeader = "{\"id\":1,\"method\":\"hello\",\"params\":{\"protocol\":\"1.0\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] wholeFrame = FrameBytes.request("{\"id\":1,\"method\":\"hello\",\"params\":{\"protocol\":\"1.0\"}}");
        return Stream.of(
                Arguments.of("wrong magic", "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false, "bad_magic"),
                Arguments.of("unsupported major version", FrameBytes.frame(FrameBytes.MAGIC, 0x0200, 1, goodHeader, new byte[0]), false,
                        "unsupported_version"),
                Arguments.of("truncated frame", Arrays.copyOf(wholeFrame, wholeFrame.length - 5), true, "bad_frame"),
                Arguments.of("oversized payload length", FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 1, goodHeader.length, 1L << 33,
                        goodHeader, new byte[0]), false, "frame_too_large"),
                Arguments.of("oversized header length", FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 1, 64L << 20, 0,
                        new byte[0], new byte[0]), false, "frame_too_large"),
                Arguments.of("garbage JSON", FrameBytes.request("{\"id\":1,\"method\":\"hello\",,,}"), false, "bad_json"),
                Arguments.of("blob size not dtype x shape", FrameBytes.request("{\"id\":1,\"method\":\"hello\",\"blobs\":[{\"name\":\"rgb\","
                        + "\"dtype\":\"uint8\",\"shape\":[2,2,3],\"offset\":0,\"nbytes\":11}]}", new byte[12]), false, "bad_frame"),
                Arguments.of("unknown frame type", FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 77, goodHeader, new byte[0]), false,
                        "bad_frame"),
                Arguments.of("response frame sent to a server", FrameBytes.frame(FrameBytes.MAGIC, FrameBytes.V1_0, 2, goodHeader, new byte[0]),
                        false, "bad_frame"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("badFrames")
    void badFrameGetsErrorThenCloseAndServerKeepsServing(String what, byte[] bytes, boolean thenStopSending, String code)
            throws Exception {
        try (RawPeer bad = new RawPeer("127.0.0.1", server.port())) {
            bad.sendBytes(bytes);
            if (thenStopSending) {
                bad.shutdownOutput();
            }
            Frame error = bad.read().orElseThrow(() -> new AssertionError("no error frame for " + what));
            assertThat(error.type()).isEqualTo(FrameType.ERROR);
            assertThat(error.error().code()).isEqualTo(code);
            assertThat(error.error().message()).isNotBlank();
            assertThat(bad.serverClosed()).as("server closes after a bad frame").isTrue();
        }
        assertSecondConnectionIsServed();
    }

    @Test
    void unsupportedVersionMessageNamesBothVersions() throws Exception {
        try (RawPeer bad = new RawPeer("127.0.0.1", server.port())) {
            bad.sendBytes(FrameBytes.frame(FrameBytes.MAGIC, 0x0203, 1, "{\"id\":1}".getBytes(), new byte[0]));
            Frame error = bad.read().orElseThrow();
            assertThat(error.error().message()).contains("2.3", "1.0");
            assertThat(error.id()).isZero();
        }
    }

    @Test
    void blobTableErrorNamesTheRequestId() throws Exception {
        try (RawPeer bad = new RawPeer("127.0.0.1", server.port())) {
            bad.sendBytes(FrameBytes.request("{\"id\":41,\"method\":\"step\",\"blobs\":[{\"name\":\"x\",\"dtype\":\"float32\","
                    + "\"shape\":[4],\"offset\":8,\"nbytes\":16}]}", new byte[16]));
            Frame error = bad.read().orElseThrow();
            assertThat(error.id()).isEqualTo(41);
            assertThat(error.error().code()).isEqualTo("bad_frame");
            assertThat(error.error().message()).contains("outside the payload");
        }
    }

    @Test
    void aPeerThatVanishesMidFrameDoesNotHurtOthers() throws Exception {
        try (SimClient good = SimClient.connect("127.0.0.1", server.port())) {
            good.loadScene("s");
            good.newEpisode(new EpisodeRequest(3, 1));
            for (int i = 0; i < 5; i++) {
                try (RawPeer bad = new RawPeer("127.0.0.1", server.port())) {
                    bad.sendBytes(Arrays.copyOf(FrameBytes.request("{\"id\":1,\"method\":\"hello\"}"), 13));
                }
                assertThat(good.step(Action.TURN_LEFT).step()).isEqualTo(i + 1);
            }
        }
    }

    private void assertSecondConnectionIsServed() {
        try (SimClient second = SimClient.connect("127.0.0.1", server.port())) {
            assertThat(second.loadScene("after").sceneId()).isEqualTo("after");
            assertThat(second.newEpisode(new EpisodeRequest(2, 1)).observation().rgb()).isNotNull();
            assertThat(second.step(Action.MOVE_FORWARD).step()).isEqualTo(1);
        }
    }
}
