package org.memnav.simbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.api.Vec3;
import org.memnav.simbridge.client.SimClient;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.FrameLimits;
import org.memnav.simbridge.protocol.FrameType;
import org.memnav.simbridge.testing.FakeSimBackend;
import org.memnav.simbridge.testing.RawPeer;

/** Request-level errors keep the connection open; hello negotiates; backends are hosted as promised. */
@Timeout(30)
class SimServerRequestTest {

    private static ObjectNode params(RawPeer peer) {
        return peer.json().mapper().createObjectNode();
    }

    @Test
    void requestLevelErrorsLeaveTheConnectionOpen() throws Exception {
        try (SimServer server = SimServer.start(new FakeSimBackend()); RawPeer peer = new RawPeer("127.0.0.1", server.port())) {
            Frame early = peer.request("load_scene", params(peer).put("scene", "s"));
            assertThat(early.error().code()).isEqualTo("handshake_required");
            assertThat(early.error().message()).contains("hello", "load_scene");

            assertThat(peer.hello().type()).isEqualTo(FrameType.RESPONSE);

            Frame unknown = peer.request("teleport", params(peer));
            assertThat(unknown.error().code()).isEqualTo("unknown_method");
            assertThat(unknown.error().message()).contains("teleport", "navigability_map");

            Frame badAction = peer.request("step", params(peer).put("action", "jump"));
            assertThat(badAction.error().code()).isEqualTo("bad_message");
            assertThat(badAction.error().message()).contains("jump", "move_forward");

            Frame missingParam = peer.request("load_scene", params(peer));
            assertThat(missingParam.error().code()).isEqualTo("bad_message");
            assertThat(missingParam.error().message()).contains("scene");

            Frame nullParam = peer.request("snap_point", params(peer).putNull("point"));
            assertThat(nullParam.error().code()).isEqualTo("bad_message");

            Frame backendFailure = peer.request("step", params(peer).put("action", "move_forward"));
            assertThat(backendFailure.error().code()).isEqualTo("backend_error");
            assertThat(backendFailure.error().message()).isEqualTo("no episode started; call new_episode first");
            assertThat(backendFailure.id()).isEqualTo(7);
            assertThat(backendFailure.method()).isEqualTo("step");

            Frame ok = peer.request("load_scene", params(peer).put("scene", "fine"));
            assertThat(ok.type()).isEqualTo(FrameType.RESPONSE);
            assertThat(ok.body().get("scene_id").asText()).isEqualTo("fine");
        }
    }

    @Test
    void helloAgreesOnTheLowerMinor() throws Exception {
        try (SimServer server = SimServer.start(new FakeSimBackend()); RawPeer peer = new RawPeer("127.0.0.1", server.port())) {
            Frame hello = peer.request("hello", params(peer).put("protocol", "1.7").put("client", "future-client"));
            assertThat(hello.type()).isEqualTo(FrameType.RESPONSE);
            assertThat(hello.body().get("protocol").asText()).isEqualTo("1.0");
            assertThat(hello.body().at("/capabilities/protocol_version").asText()).isEqualTo("1.0");
            assertThat(hello.body().get("max_payload_bytes").asLong()).isEqualTo(256L << 20);
        }
    }

    @Test
    void helloWithAnotherMajorIsRefusedNamingBothVersionsAndCloses() throws Exception {
        try (SimServer server = SimServer.start(new FakeSimBackend())) {
            try (RawPeer peer = new RawPeer("127.0.0.1", server.port())) {
                Frame refused = peer.request("hello", params(peer).put("protocol", "2.1"));
                assertThat(refused.error().code()).isEqualTo("unsupported_version");
                assertThat(refused.error().message()).contains("client speaks protocol 2.1", "speaks 1.0");
                assertThat(peer.serverClosed()).isTrue();
            }
            try (RawPeer peer = new RawPeer("127.0.0.1", server.port())) {
                Frame garbled = peer.request("hello", params(peer).put("protocol", "latest"));
                assertThat(garbled.error().code()).isEqualTo("bad_message");
            }
        }
    }

    @Test
    void bindsLoopbackOnAnEphemeralPortByDefaultAndHonoursAnExplicitAddress() throws Exception {
        try (SimServer server = SimServer.start(new FakeSimBackend())) {
            assertThat(server.port()).isPositive();
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.host()).isEqualTo("127.0.0.1");
        }
        try (SimServer any = SimServer.start(BackendSource.shared(new FakeSimBackend()),
                SimServerOptions.defaults().withBindAddress("0.0.0.0"));
             SimClient client = SimClient.connect(any.host(), any.port())) {
            assertThat(any.address().getAddress().isAnyLocalAddress()).isTrue();
            assertThat(client.loadScene("s").sceneId()).isEqualTo("s");
        }
    }

    @Test
    void aTakenPortIsAClearStartupError() throws Exception {
        try (SimServer first = SimServer.start(new FakeSimBackend())) {
            assertThatThrownBy(() -> SimServer.start(BackendSource.shared(new FakeSimBackend()),
                    SimServerOptions.defaults().withPort(first.port())))
                    .hasMessageContaining("could not listen on 127.0.0.1:" + first.port())
                    .hasCauseInstanceOf(BindException.class);
        }
    }

    @Test
    void sharedBackendIsCalledOneRequestAtATimeAndNotClosedByClients() throws Exception {
        FakeSimBackend shared = new FakeSimBackend().withCallDelayMillis(2);
        try (SimServer server = SimServer.start(shared)) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int c = 0; c < 6; c++) {
                    runs.add(pool.submit(() -> {
                        try (SimClient client = SimClient.connect("127.0.0.1", server.port())) {
                            for (int i = 0; i < 15; i++) {
                                client.geodesicDistance(new Vec3(1.1, 0, 1.1), new Vec3(2 + i * 0.1, 0, 3));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> r : runs) {
                    r.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(shared.maxConcurrentCalls()).isEqualTo(1);
            assertThat(shared.closeCount()).isZero();
        }
        assertThat(shared.closeCount()).as("the server does not close a shared backend it does not own").isZero();
    }

    @Test
    void perConnectionBackendsAreSeparateAndClosedWithTheirConnection() throws Exception {
        List<FakeSimBackend> made = new ArrayList<>();
        try (SimServer server = SimServer.start(BackendSource.perConnection(() -> {
            FakeSimBackend b = new FakeSimBackend();
            synchronized (made) {
                made.add(b);
            }
            return b;
        }), SimServerOptions.defaults())) {
            try (SimClient a = SimClient.connect("127.0.0.1", server.port());
                 SimClient b = SimClient.connect("127.0.0.1", server.port())) {
                a.loadScene("a");
                a.newEpisode(new EpisodeRequest(1, 1));
                a.step(Action.TURN_LEFT);
                assertThatThrownBy(() -> b.step(Action.TURN_LEFT)).isInstanceOf(SimException.class)
                        .hasMessageContaining("no episode started");
            }
            long deadline = System.currentTimeMillis() + 5_000;
            while (server.openConnections() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(made).hasSize(2).allSatisfy(b -> assertThat(b.closeCount()).isEqualTo(1));
    }

    @Test
    void aFactoryThatFailsIsReportedAsBackendErrorAtHello() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (SimServer server = SimServer.start(BackendSource.perConnection(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("GPU 0 is busy");
        }), SimServerOptions.defaults())) {
            assertThatThrownBy(() -> SimClient.connect("127.0.0.1", server.port()))
                    .isInstanceOf(SimException.class)
                    .hasMessageContaining("could not start a simulator: GPU 0 is busy")
                    .extracting(e -> ((SimException) e).code()).isEqualTo("backend_error");
            assertThat(attempts.get()).isEqualTo(1);
        }
    }

    @Test
    void aReplyOverTheServersOwnLimitBecomesAnErrorAndTheConnectionStaysOpen() throws Exception {
        SimServerOptions small = SimServerOptions.defaults().withLimits(FrameLimits.defaults().withMaxPayloadBytes(1_000));
        try (SimServer server = SimServer.start(BackendSource.shared(new FakeSimBackend()), small);
             SimClient client = SimClient.connect("127.0.0.1", server.port())) {
            client.loadScene("s");
            assertThatThrownBy(() -> client.newEpisode(new EpisodeRequest(1, 1)))
                    .isInstanceOf(SimException.class)
                    .hasMessageContaining("frame_too_large")
                    .hasMessageContaining("over the limit of 1000 bytes")
                    .extracting(e -> ((SimException) e).code()).isEqualTo("frame_too_large");
            assertThat(client.agentPose()).isNotNull();
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void closeStopsAcceptingConnections() throws Exception {
        SimServer server = SimServer.start(new FakeSimBackend());
        int port = server.port();
        server.close();
        assertThat(server.isClosed()).isTrue();
        assertThatThrownBy(() -> SimClient.connect("127.0.0.1", port)).isInstanceOf(SimException.class)
                .extracting(e -> ((SimException) e).code()).isEqualTo("connect_failed");
    }
}
