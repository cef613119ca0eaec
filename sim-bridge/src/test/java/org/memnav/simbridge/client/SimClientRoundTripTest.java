package org.memnav.simbridge.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SensorSpec;
import org.memnav.simbridge.api.Vec3;
import org.memnav.simbridge.protocol.ProtocolVersion;
import org.memnav.simbridge.server.BackendSource;
import org.memnav.simbridge.server.SimServer;
import org.memnav.simbridge.server.SimServerOptions;
import org.memnav.simbridge.testing.FakeSimBackend;

/**
 * Every SimBackend call through a real loopback socket must answer exactly what the backend answers
 * locally: the same fake fed the same calls in another instance is the reference.
 */
class SimClientRoundTripTest {
    private SimServer server;
    private SimClient client;
    private final FakeSimBackend reference = new FakeSimBackend();

    @BeforeEach
    void start() throws Exception {
        server = SimServer.start(BackendSource.perConnection(FakeSimBackend::new), SimServerOptions.defaults());
        client = SimClient.connect(SimEndpoint.loopback(server.port()), SimClientOptions.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void handshakeAgreesOnTheVersionAndForwardsCapabilities() {
        assertThat(client.protocolVersion()).isEqualTo(ProtocolVersion.CURRENT);
        assertThat(client.serverName()).isEqualTo(SimServerOptions.DEFAULT_SERVER_NAME);
        assertThat(client.capabilities().protocolVersion()).isEqualTo("1.0");
        assertThat(client.capabilities().simulator()).isEqualTo("fake-grid");
        assertThat(client.capabilities().actions()).containsExactly(Action.values());
        assertThat(client.capabilities().agent()).isEqualTo(reference.capabilities().agent());
        assertThat(client.capabilities().sensor()).isEqualTo(reference.capabilities().sensor());
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void sceneEpisodeAndStepsMatchTheLocalBackend() {
        assertThat(client.loadScene("procedural:apartment?seed=3")).isEqualTo(reference.loadScene("procedural:apartment?seed=3"));

        EpisodeStart remoteStart = client.newEpisode(new EpisodeRequest(37, 3));
        EpisodeStart localStart = reference.newEpisode(new EpisodeRequest(37, 3));
        assertThat(remoteStart.spec()).isEqualTo(localStart.spec());
        assertSameObservation(remoteStart.observation(), localStart.observation());

        Action[] script = {Action.MOVE_FORWARD, Action.TURN_LEFT, Action.MOVE_FORWARD, Action.LOOK_UP, Action.TURN_RIGHT,
            Action.TURN_RIGHT, Action.MOVE_FORWARD, Action.SUBTASK_STOP, Action.MOVE_FORWARD, Action.LOOK_DOWN};
        for (Action a : script) {
            assertSameObservation(client.step(a), reference.step(a));
        }
    }

    @Test
    void subtaskOutcomeAndCollisionsSurviveTheWire() {
        client.loadScene("s");
        client.newEpisode(new EpisodeRequest(0, 2));
        // Walk into the wall behind the start until it collides.
        Observation o = null;
        for (int i = 0; i < 40 && (o == null || !o.collided()); i++) {
            o = client.step(Action.MOVE_FORWARD);
        }
        assertThat(o.collided()).isTrue();
        Observation stopped = client.step(Action.SUBTASK_STOP);
        assertThat(stopped.status().lastOutcome()).isNotNull();
        assertThat(stopped.status().lastOutcome().subtaskIndex()).isZero();
        assertThat(stopped.status().lastOutcome().goal().category()).isEqualTo("chair");
        assertThat(stopped.status().subtaskIndex()).isEqualTo(1);
        Observation over = client.step(Action.STOP);
        assertThat(over.status().episodeOver()).isTrue();
    }

    @Test
    void agentStateGetsAndSets() {
        client.loadScene("s");
        client.newEpisode(new EpisodeRequest(5, 1));
        Pose pose = new Pose(new Vec3(2.125, 0, 3.375), -2.5);
        client.setAgentPose(pose);
        assertThat(client.agentPose()).isEqualTo(pose);
        assertThat(client.step(Action.TURN_LEFT).pose().position()).isEqualTo(pose.position());
    }

    @Test
    void navigationQueriesMatchTheLocalBackend() {
        Vec3 a = new Vec3(1.1, 0, 1.2);
        Vec3 b = new Vec3(7.0, 0, 5.0);
        assertThat(client.geodesicDistance(a, b)).isEqualTo(reference.geodesicDistance(a, b));
        assertThat(client.shortestPath(a, b)).isEqualTo(reference.shortestPath(a, b)).hasSizeGreaterThan(10);
        assertThat(client.snapPoint(new Vec3(4.1, 0.7, 2.0))).isEqualTo(reference.snapPoint(new Vec3(4.1, 0.7, 2.0)));
    }

    @Test
    void unreachableTargetsAreInfinityAndAnEmptyPath() {
        Vec3 a = new Vec3(1.1, 0, 1.2);
        assertThat(client.geodesicDistance(a, FakeSimBackend.POCKET_POINT)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(client.shortestPath(a, FakeSimBackend.POCKET_POINT)).isEmpty();
    }

    @Test
    void navigabilityMapArrivesCellForCell() {
        NavigabilityMap remote = client.navigabilityMap();
        NavigabilityMap local = reference.navigabilityMap();
        assertThat(remote.width()).isEqualTo(FakeSimBackend.COLS);
        assertThat(remote.height()).isEqualTo(FakeSimBackend.ROWS);
        assertThat(remote.cellSizeM()).isEqualTo(local.cellSizeM());
        assertThat(remote.originX()).isEqualTo(local.originX());
        assertThat(remote.originZ()).isEqualTo(local.originZ());
        assertThat(remote.cells()).isEqualTo(local.cells());
        assertThat(remote.navigable(16, 11)).isTrue();
        assertThat(remote.navigable(16, 5)).isFalse();
    }

    /**
     * A server of fakes with {@code sensor}, a client on it and a local fake as the reference, both in scene "s"
     * and episode {@code seed} with two goals; the episode's first observations are checked to agree.
     */
    private record RemoteAndLocal(SimServer server, SimClient remote, FakeSimBackend local) implements AutoCloseable {
        static RemoteAndLocal start(SensorSpec sensor, boolean semantic, long seed) throws Exception {
            SimServer server = SimServer.start(BackendSource.perConnection(() -> new FakeSimBackend(sensor, semantic)),
                    SimServerOptions.defaults());
            SimClient remote = SimClient.connect("127.0.0.1", server.port(), SimClientOptions.defaults());
            FakeSimBackend local = new FakeSimBackend(sensor, semantic);
            remote.loadScene("s");
            local.loadScene("s");
            assertSameObservation(remote.newEpisode(new EpisodeRequest(seed, 2)).observation(),
                    local.newEpisode(new EpisodeRequest(seed, 2)).observation());
            return new RemoteAndLocal(server, remote, local);
        }

        @Override
        public void close() {
            remote.close();
            server.close();
        }
    }

    @Test
    void largeObservationRoundTripsIntact() throws Exception {
        try (RemoteAndLocal sims = RemoteAndLocal.start(new SensorSpec(640, 480, 79), true, 11)) {
            for (int i = 0; i < 5; i++) {
                Observation remote = sims.remote().step(Action.MOVE_FORWARD);
                assertThat(remote.rgb().width()).isEqualTo(640);
                assertThat(remote.rgb().height()).isEqualTo(480);
                assertThat(remote.rgb().data()).hasSize(640 * 480 * 3);
                assertThat(remote.depth().metres()).hasSize(640 * 480);
                assertSameObservation(remote, sims.local().step(Action.MOVE_FORWARD));
            }
        }
    }

    @Test
    void stepsIntoLentBuffersReuseTheirArraysAndMatchTheLocalBackend() throws Exception {
        try (RemoteAndLocal sims = RemoteAndLocal.start(new SensorSpec(640, 480, 79), false, 11)) {
            ReceiveBuffers buffers = new ReceiveBuffers();
            Observation first = sims.remote().step(Action.TURN_LEFT, buffers);
            assertSameObservation(first, sims.local().step(Action.TURN_LEFT));
            byte[] lentRgb = first.rgb().data();
            assertThat(buffers.bytes()).isEqualTo(640L * 480 * 3 + 640L * 480 * 4);
            for (Action a : new Action[] {Action.MOVE_FORWARD, Action.TURN_RIGHT, Action.MOVE_FORWARD}) {
                Observation next = sims.remote().step(a, buffers);
                assertThat(next.rgb().data()).isSameAs(lentRgb); // the same memory every step, nothing allocated per frame
                assertSameObservation(next, sims.local().step(a));
            }
            // A plain step still gets arrays of its own, and leaves the lent ones alone.
            byte[] before = lentRgb.clone();
            Observation own = sims.remote().step(Action.TURN_LEFT);
            assertThat(own.rgb().data()).isNotSameAs(lentRgb);
            assertThat(lentRgb).isEqualTo(before);
            assertSameObservation(own, sims.local().step(Action.TURN_LEFT));
        }
    }

    @Test
    void lentBuffersFollowASizeChange() throws Exception {
        ReceiveBuffers buffers = new ReceiveBuffers();
        for (SensorSpec sensor : List.of(new SensorSpec(32, 24, 90), new SensorSpec(64, 48, 90))) {
            try (RemoteAndLocal sims = RemoteAndLocal.start(sensor, false, 2)) {
                assertSameObservation(sims.remote().step(Action.MOVE_FORWARD, buffers), sims.local().step(Action.MOVE_FORWARD));
                assertThat(buffers.bytes()).isEqualTo((long) sensor.width() * sensor.height() * 7);
            }
        }
    }

    @Test
    void observationWithoutSemanticSensorHasNone() throws Exception {
        try (SimServer plain = SimServer.start(BackendSource.perConnection(() -> new FakeSimBackend(new SensorSpec(8, 6, 90), false)),
                SimServerOptions.defaults());
             SimClient c = SimClient.connect("127.0.0.1", plain.port())) {
            c.loadScene("s");
            Observation o = c.newEpisode(new EpisodeRequest(1, 1)).observation();
            assertThat(o.semantic()).isNull();
            assertThat(o.rgb()).isNotNull();
            assertThat(c.capabilities().sensors()).containsExactly("rgb", "depth");
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                Vec3 to = new Vec3(1 + (i % 13) * 0.5, 0, 1 + (i % 5) * 0.9);
                results.add(pool.submit(() -> client.geodesicDistance(new Vec3(1.1, 0, 1.2), to)
                        == new FakeSimBackend().geodesicDistance(new Vec3(1.1, 0, 1.2), to)));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertSameObservation(Observation remote, Observation local) {
        assertThat(remote.step()).isEqualTo(local.step());
        assertThat(remote.pose()).isEqualTo(local.pose());
        assertThat(remote.collided()).isEqualTo(local.collided());
        assertThat(remote.status()).isEqualTo(local.status());
        assertThat(remote.rgb().width()).isEqualTo(local.rgb().width());
        assertThat(remote.rgb().height()).isEqualTo(local.rgb().height());
        assertThat(remote.rgb().data()).isEqualTo(local.rgb().data());
        assertThat(remote.depth().width()).isEqualTo(local.depth().width());
        assertThat(remote.depth().metres()).isEqualTo(local.depth().metres());
        if (local.semantic() == null) {
            assertThat(remote.semantic()).isNull();
        } else {
            assertThat(remote.semantic().ids()).isEqualTo(local.semantic().ids());
            assertThat(remote.semantic().width()).isEqualTo(local.semantic().width());
        }
    }
}
