package org.memnav.simbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.api.Vec3;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.FrameLimits;
import org.memnav.simbridge.protocol.FrameReader;
import org.memnav.simbridge.protocol.FrameWriter;
import org.memnav.simbridge.protocol.ProtocolVersion;
import org.memnav.simbridge.protocol.WireError;
import org.memnav.simbridge.protocol.WireJson;
import org.memnav.simbridge.server.BackendSource;
import org.memnav.simbridge.server.SimServer;
import org.memnav.simbridge.server.SimServerOptions;
import org.memnav.simbridge.testing.FakeSimBackend;
import org.memnav.simbridge.testing.GatedStepBackend;

@Timeout(30)
class SimClientFailureTest {

    private static SimServer serve(Supplier<SimBackend> factory) throws Exception {
        return SimServer.start(BackendSource.perConnection(factory), SimServerOptions.defaults());
    }

    @Test
    void nothingListeningIsConnectFailedNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SimException e = catchThrowableOfType(SimException.class, () -> SimClient.connect("127.0.0.1", port));
        assertThat(e.code()).isEqualTo("connect_failed");
        assertThat(e.getMessage()).contains("could not connect to simulator at 127.0.0.1:" + port);
    }

    @Test
    void slowBackendTimesOutAndTheConnectionStaysUsable() throws Exception {
        GatedStepBackend slow = new GatedStepBackend(5_000);
        try (SimServer server = SimServer.start(slow);
             SimClient client = SimClient.connect("127.0.0.1", server.port(),
                     SimClientOptions.defaults().withRequestTimeout(Duration.ofMillis(300)))) {
            client.loadScene("s");
            client.newEpisode(new EpisodeRequest(1, 1));

            long t0 = System.nanoTime();
            SimException e = catchThrowableOfType(SimException.class, () -> client.step(Action.MOVE_FORWARD));
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;

            assertThat(e.code()).isEqualTo("timeout");
            assertThat(e.getMessage()).isEqualTo("no response to step within 300 ms from simulator at 127.0.0.1:" + server.port());
            assertThat(waitedMs).as("returned at the timeout, not when the backend answered").isBetween(250L, 4_000L);
            // The late answer to step is dropped; the next request gets its own answer.
            slow.release();
            assertThat(client.snapPoint(new Vec3(1.1, 0, 1.1))).isEqualTo(new FakeSimBackend().snapPoint(new Vec3(1.1, 0, 1.1)));
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void serverKilledMidRequestGivesClosedNamingTheMethod() throws Exception {
        GatedStepBackend hanging = new GatedStepBackend(60_000);
        SimServer server = SimServer.start(hanging);
        try (SimClient client = SimClient.connect("127.0.0.1", server.port())) {
            client.loadScene("s");
            client.newEpisode(new EpisodeRequest(1, 1));
            CompletableFuture<Object> step = CompletableFuture.supplyAsync(() -> client.step(Action.MOVE_FORWARD));
            assertThat(hanging.awaitStepEntered(5_000)).isTrue();

            server.close();

            Throwable failure = catchThrowableOfType(ExecutionException.class,
                    () -> step.get(10, TimeUnit.SECONDS)).getCause();
            assertThat(failure).isInstanceOf(SimException.class);
            SimException e = (SimException) failure;
            assertThat(e.code()).isEqualTo("closed");
            assertThat(e.getMessage()).startsWith("simulator at 127.0.0.1:" + server.port() + " closed the connection during step");
            assertThat(client.isConnected()).isFalse();

            SimException later = catchThrowableOfType(SimException.class, () -> client.agentPose());
            assertThat(later.code()).isEqualTo("closed");
            assertThat(later.getMessage()).startsWith("simulator at 127.0.0.1:" + server.port() + " closed the connection")
                    .endsWith("; get_agent_state was not sent; call reconnect() to open a new connection");
        } finally {
            server.close();
        }
    }

    @Test
    void reconnectOpensAFreshSessionOnTheSamePort() throws Exception {
        SimServer first = serve(FakeSimBackend::new);
        int port = first.port();
        SimClient client = SimClient.connect("127.0.0.1", port);
        try {
            client.loadScene("s");
            first.close();
            SimException dropped = catchThrowableOfType(SimException.class, () -> client.newEpisode(new EpisodeRequest(1, 1)));
            assertThat(dropped.code()).isEqualTo("closed");

            try (SimServer second = SimServer.start(BackendSource.perConnection(FakeSimBackend::new),
                    SimServerOptions.defaults().withPort(port))) {
                client.reconnect();
                assertThat(client.isConnected()).isTrue();
                // A per-connection server starts a new simulator: the scene must be loaded again.
                SimException noScene = catchThrowableOfType(SimException.class, () -> client.newEpisode(new EpisodeRequest(1, 1)));
                assertThat(noScene.code()).isEqualTo("backend_error");
                client.loadScene("s");
                assertThat(client.newEpisode(new EpisodeRequest(1, 1)).spec().sceneId()).isEqualTo("s");
                assertThat(second.acceptedConnections()).isEqualTo(1);
            }
        } finally {
            client.close();
        }
    }

    @Test
    void backendFailuresArriveWithTheBackendsMessage() throws Exception {
        try (SimServer server = serve(FakeSimBackend::new); SimClient client = SimClient.connect("127.0.0.1", server.port())) {
            SimException e = catchThrowableOfType(SimException.class, () -> client.step(Action.MOVE_FORWARD));
            assertThat(e.code()).isEqualTo("backend_error");
            assertThat(e.getMessage()).isEqualTo("step failed on simulator at 127.0.0.1:" + server.port()
                    + " (backend_error): no episode started; call new_episode first");
            SimException missing = catchThrowableOfType(SimException.class, () -> client.loadScene("missing:x"));
            assertThat(missing.getMessage()).endsWith("no such scene: missing:x");
            assertThat(client.loadScene("ok").sceneId()).isEqualTo("ok");
        }
    }

    @Test
    void closeSendsCloseAndTheServerEndsTheConnection() throws Exception {
        FakeSimBackend backend = new FakeSimBackend();
        try (SimServer server = SimServer.start(BackendSource.perConnection(() -> backend), SimServerOptions.defaults())) {
            SimClient client = SimClient.connect("127.0.0.1", server.port());
            client.loadScene("s");
            client.close();
            client.close();
            assertThat(client.isConnected()).isFalse();
            SimException e = catchThrowableOfType(SimException.class, () -> client.step(Action.STOP));
            assertThat(e.code()).isEqualTo("closed");
            assertThat(e.getMessage()).contains("is closed", "step was not sent");
            awaitTrue(() -> backend.closeCount() == 1);
            awaitTrue(() -> server.openConnections() == 0);
        }
    }

    @Test
    void serverThatSpeaksAnotherMajorIsRefusedAtHello() throws Exception {
        try (FakeHelloServer server = new FakeHelloServer(hello -> Frame.response(hello.id(), "hello",
                new WireJson().mapper().createObjectNode().put("protocol", "2.0"), List.of()))) {
            SimException e = catchThrowableOfType(SimException.class, () -> SimClient.connect("127.0.0.1", server.port()));
            assertThat(e.code()).isEqualTo("unsupported_version");
            assertThat(e.getMessage()).contains("2.0", "1.0");
        }
    }

    @Test
    void versionErrorFromTheServerIsPassedOn() throws Exception {
        try (FakeHelloServer server = new FakeHelloServer(hello -> Frame.error(hello.id(), "hello",
                new WireError("unsupported_version", "client speaks 1.0 but this server speaks 3.1")))) {
            SimException e = catchThrowableOfType(SimException.class, () -> SimClient.connect("127.0.0.1", server.port()));
            assertThat(e.code()).isEqualTo("unsupported_version");
            assertThat(e.getMessage()).contains("3.1");
        }
    }

    @Test
    void silentServerTimesOutTheHandshake() throws Exception {
        try (FakeHelloServer server = new FakeHelloServer(hello -> null)) {
            SimException e = catchThrowableOfType(SimException.class, () -> SimClient.connect("127.0.0.1", server.port(),
                    SimClientOptions.defaults().withRequestTimeout(Duration.ofMillis(200))));
            assertThat(e.code()).isEqualTo("timeout");
            assertThat(e.getMessage()).contains("no response to hello within 200 ms");
        }
    }

    @Test
    void garbageFromTheServerFailsTheCallWithTheReadersCode() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket s = listener.accept()) {
                    s.getInputStream().read(new byte[64]);
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                    s.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (Exception ignored) {
                    // The test checks the client side.
                }
            });
            SimException e = catchThrowableOfType(SimException.class, () -> SimClient.connect("127.0.0.1", listener.getLocalPort()));
            assertThat(e.code()).isEqualTo("bad_magic");
            assertThat(e.getMessage()).contains("during hello", "HTTP");
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    /** A one-connection server that answers hello with whatever the test says (null: never answers). */
    private static final class FakeHelloServer implements AutoCloseable {
        private final ServerSocket listener;

        FakeHelloServer(Function<Frame, Frame> answer) throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            CompletableFuture.runAsync(() -> {
                WireJson json = new WireJson();
                try (Socket s = listener.accept()) {
                    FrameReader reader = new FrameReader(new BufferedInputStream(s.getInputStream()), FrameLimits.defaults(), json);
                    FrameWriter writer = new FrameWriter(new BufferedOutputStream(s.getOutputStream()), FrameLimits.defaults(), json);
                    Frame hello = reader.read().orElseThrow();
                    Frame reply = answer.apply(hello);
                    if (reply != null) {
                        writer.write(ProtocolVersion.CURRENT, reply);
                    }
                    while (reader.read().isPresent()) {
                        // Swallow anything else until the client goes away.
                    }
                } catch (Exception ignored) {
                    // The test checks the client side.
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

}
