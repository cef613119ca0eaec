package org.memnav.tests.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.AgentConfig;
import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SceneObject;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;
import org.memnav.simbridge.client.ReceiveBuffers;
import org.memnav.simbridge.client.SimClient;
import org.memnav.simbridge.client.SimClientOptions;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.FrameType;
import org.memnav.simbridge.protocol.ProtocolVersion;
import org.memnav.simbridge.protocol.WireJson;

/**
 * The cross-language conformance suite: the same protocol checks, driven from Java through the real
 * {@link SimClient} and through raw frames, against every server that claims to speak sim-bridge 1.0.
 * A subclass says how to start its server; everything asserted here is what PROTOCOL.md and the
 * {@code SimBackend} contract promise, so a server passes only if a client cannot tell it apart
 * from the others. The second half covers faults: servers that die, stall or receive garbage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
abstract class BridgeConformanceSuite {
    private static final double EPS = 1e-6;
    private final WireJson json = new WireJson();
    private BridgeServerUnderTest server;

    /** Starts a fresh server of the kind under test, with {@code faults} built in. */
    protected abstract BridgeServerUnderTest startServer(ServerFaults faults);

    /** A scene this server can load. */
    protected abstract String sceneRef();

    @BeforeAll
    void startSharedServer() {
        server = startServer(ServerFaults.none());
    }

    @AfterAll
    void stopSharedServer() {
        if (server != null) {
            server.close();
        }
    }

    private SimClient connect() {
        return connect(server, Duration.ofSeconds(30));
    }

    private static SimClient connect(BridgeServerUnderTest target, Duration timeout) {
        return SimClient.connect(target.endpoint(), SimClientOptions.defaults().withRequestTimeout(timeout)
                .withClientName("conformance-suite"));
    }

    private WirePeer peer() throws IOException {
        return new WirePeer(server.endpoint());
    }

    // ---- handshake and capabilities ---------------------------------------------------------------

    @Test
    void helloAgreesOnTheVersionAndAnnouncesTheGoatStretchAgent() {
        try (SimClient sim = connect()) {
            assertThat(sim.protocolVersion()).isEqualTo(ProtocolVersion.CURRENT);
            assertThat(sim.serverName()).isNotBlank();
            Capabilities caps = sim.capabilities();
            assertThat(caps.protocolVersion()).isEqualTo("1.0");
            assertThat(caps.simulator()).isNotBlank();
            assertThat(caps.agent()).isEqualTo(AgentConfig.goatStretch());
            assertThat(caps.actions()).containsExactlyInAnyOrder(Action.values());
            assertThat(caps.sensors()).contains("rgb", "depth");
            assertThat(caps.sensor().width()).isPositive();
            assertThat(caps.sensor().height()).isPositive();
            assertThat(caps.sensor().hfovDeg()).isBetween(1.0, 179.0);
        }
    }

    @Test
    void aClientOfALaterMinorVersionIsAnsweredInTheServersVersion() throws Exception {
        try (WirePeer p = peer()) {
            Frame hello = p.hello("1.9");
            assertThat(hello.type()).isEqualTo(FrameType.RESPONSE);
            assertThat(hello.field("protocol").asText()).isEqualTo("1.0");
            assertThat(hello.field("capabilities").path("protocol_version").asText()).isEqualTo("1.0");
            assertThat(hello.field("max_payload_bytes").asLong()).isPositive();
        }
    }

    @Test
    void aClientOfAnotherMajorVersionIsRefusedNamingBothVersionsAndDisconnected() throws Exception {
        try (WirePeer p = peer()) {
            Frame refusal = p.hello("2.0");
            assertThat(refusal.type()).isEqualTo(FrameType.ERROR);
            assertThat(refusal.error().code()).isEqualTo("unsupported_version");
            assertThat(refusal.error().message()).contains("2.0").contains("1.0");
            assertThat(p.serverClosed()).isTrue();
        }
    }

    @Test
    void requestsBeforeHelloUnknownMethodsAndMalformedParamsAreAnsweredAndTheConnectionStays() throws Exception {
        try (WirePeer p = peer()) {
            assertThat(p.request("load_scene", p.params().put("scene", sceneRef())).error().code())
                    .isEqualTo("handshake_required");
            assertThat(p.hello("one point oh").error().code()).isEqualTo("bad_message");
            assertThat(p.hello("1.0").type()).isEqualTo(FrameType.RESPONSE);
            Frame unknown = p.request("teleport", p.params());
            assertThat(unknown.error().code()).isEqualTo("unknown_method");
            assertThat(unknown.error().message()).contains("navigability_map");
            assertThat(p.request("load_scene", p.params()).error().code()).isEqualTo("bad_message");
            assertThat(p.request("load_scene", p.params().put("scene", sceneRef())).type()).isEqualTo(FrameType.RESPONSE);
            assertThat(p.request("new_episode", p.params().put("seed", 1).put("subtasks", 0)).error().code())
                    .isEqualTo("bad_message");
            assertThat(p.request("step", p.params().put("action", "fly")).error().code()).isEqualTo("bad_message");
            assertThat(p.request("get_agent_state", p.params()).type()).isEqualTo(FrameType.RESPONSE);
        }
    }

    @Test
    void requestsArePipelinedAndAnsweredInOrder() throws Exception {
        try (WirePeer p = peer()) {
            p.hello("1.0");
            p.request("load_scene", p.params().put("scene", sceneRef()));
            p.request("new_episode", p.params().put("seed", 3).put("subtasks", 2));
            String[] actions = {"turn_left", "turn_left", "move_forward", "turn_right"};
            for (int i = 0; i < actions.length; i++) {
                p.send(100 + i, "step", p.params().put("action", actions[i]));
            }
            for (int i = 0; i < actions.length; i++) {
                Frame answer = p.read().orElseThrow();
                assertThat(answer.id()).isEqualTo(100 + i);
                assertThat(answer.field("step").asInt()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void closeIsAcknowledgedAndThenTheServerHangsUp() throws Exception {
        try (WirePeer p = peer()) {
            p.hello("1.0");
            Frame bye = p.request("close", p.params());
            assertThat(bye.type()).isEqualTo(FrameType.RESPONSE);
            assertThat(bye.body().isEmpty()).isTrue();
            assertThat(p.serverClosed()).isTrue();
        }
    }

    // ---- scenes, episodes, steps --------------------------------------------------------------------

    @Test
    void loadSceneDescribesTheAnnotatedObjectsAndAnUnknownSceneIsABackendError() {
        try (SimClient sim = connect()) {
            SimException unknown = catchThrowableOfType(SimException.class, () -> sim.loadScene("no-such-scene:anywhere"));
            assertThat(unknown.code()).isEqualTo("backend_error");
            assertThat(unknown.getMessage()).contains("no-such-scene:anywhere");
            SceneInfo scene = sim.loadScene(sceneRef());
            assertThat(scene.sceneId()).isNotBlank();
            assertThat(scene.objects()).isNotEmpty();
            Set<Integer> ids = new HashSet<>();
            for (SceneObject o : scene.objects()) {
                assertThat(o.instanceId()).isPositive();
                assertThat(o.category()).isNotBlank();
                assertThat(o.size().x()).isPositive();
                assertThat(ids.add(o.instanceId())).as("instance ids are unique").isTrue();
            }
        }
    }

    @Test
    void aNewEpisodeStartsAtStepZeroOnNavigableGroundWithTheRequestedGoals() {
        try (SimClient sim = connect()) {
            SceneInfo scene = sim.loadScene(sceneRef());
            EpisodeStart start = sim.newEpisode(new EpisodeRequest(7, 3));
            assertThat(start.spec().goals()).hasSize(3);
            assertThat(start.spec().seed()).isEqualTo(7);
            Set<String> categories = new HashSet<>();
            scene.objects().forEach(o -> categories.add(o.category()));
            for (Goal g : start.spec().goals()) {
                assertThat(categories).contains(g.category());
                assertThat(g.instanceId() == -1 || scene.categoryOf(g.instanceId()) != null).isTrue();
                if (g.image() != null) {
                    assertThat(g.image().data()).hasSize(g.image().width() * g.image().height() * 3);
                }
            }
            Observation first = start.observation();
            assertThat(first.step()).isZero();
            assertThat(first.pose()).isEqualTo(start.spec().start());
            assertThat(first.collided()).isFalse();
            assertThat(first.status()).isEqualTo(new EpisodeStatus(0, 3, 0, false, null));
            NavigabilityMap map = sim.navigabilityMap();
            Vec3 p = first.pose().position();
            assertThat(map.navigable(map.colOf(p.x()), map.rowOf(p.z()))).as("start %s is navigable", p).isTrue();
            assertThat(sim.agentPose()).isEqualTo(first.pose());
        }
    }

    @Test
    void imagesHaveTheAnnouncedSizeDepthIsMetresAndSemanticIdsAreSceneObjects() {
        try (SimClient sim = connect()) {
            SceneInfo scene = sim.loadScene(sceneRef());
            Capabilities caps = sim.capabilities();
            Observation o = sim.newEpisode(new EpisodeRequest(5, 1)).observation();
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                assertThat(o.rgb().width()).isEqualTo(caps.sensor().width());
                assertThat(o.rgb().height()).isEqualTo(caps.sensor().height());
                assertThat(o.depth().width()).isEqualTo(caps.sensor().width());
                assertThat(o.depth().height()).isEqualTo(caps.sensor().height());
                float max = 0;
                for (float d : o.depth().metres()) {
                    assertThat(d).isFinite().isGreaterThanOrEqualTo(0f).isLessThan(100f);
                    max = Math.max(max, d);
                }
                assertThat(max).as("something is in view").isPositive();
                assertThat(o.semantic() != null).isEqualTo(caps.sensors().contains("semantic"));
                if (o.semantic() != null) {
                    Arrays.stream(o.semantic().ids()).forEach(seen::add);
                }
                o = sim.step(Action.TURN_LEFT);
            }
            if (caps.sensors().contains("semantic")) {
                seen.remove(0);
                assertThat(seen).as("a full turn sees furniture").isNotEmpty();
                assertThat(seen).allSatisfy(id -> assertThat(scene.categoryOf(id)).as("instance %d", id).isNotNull());
            }
        }
    }

    @Test
    void theSameSeedInTheSameSceneGivesTheSameEpisodeAndFirstImage() {
        try (SimClient a = connect(); SimClient b = connect()) {
            a.loadScene(sceneRef());
            b.loadScene(sceneRef());
            EpisodeStart x = a.newEpisode(new EpisodeRequest(11, 4));
            EpisodeStart y = b.newEpisode(new EpisodeRequest(11, 4));
            assertThat(json.toObject(x.spec())).isEqualTo(json.toObject(y.spec()));
            assertThat(x.observation().rgb().data()).isEqualTo(y.observation().rgb().data());
        }
    }

    @Test
    void stepsReadIntoLentBuffersMatchStepsIntoFreshArrays() {
        try (SimClient fresh = connect(); SimClient lent = connect()) {
            fresh.loadScene(sceneRef());
            lent.loadScene(sceneRef());
            fresh.newEpisode(new EpisodeRequest(11, 2));
            lent.newEpisode(new EpisodeRequest(11, 2));
            ReceiveBuffers buffers = new ReceiveBuffers();
            for (Action a : new Action[] {Action.TURN_LEFT, Action.MOVE_FORWARD, Action.TURN_LEFT, Action.MOVE_FORWARD}) {
                Observation expected = fresh.step(a);
                Observation got = lent.step(a, buffers);
                assertThat(got.pose()).isEqualTo(expected.pose());
                assertThat(got.rgb().data()).isEqualTo(expected.rgb().data());
                assertThat(got.depth().metres()).isEqualTo(expected.depth().metres());
            }
            assertThat(buffers.bytes()).as("rgb and depth arrays lent").isPositive();
        }
    }

    @Test
    void turnsAreThirtyDegreesLooksDoNotMoveAndEveryActionCounts() {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            Pose start = sim.newEpisode(new EpisodeRequest(7, 2)).observation().pose();
            Observation left = sim.step(Action.TURN_LEFT);
            assertThat(left.step()).isEqualTo(1);
            assertThat(left.pose().position()).isEqualTo(start.position());
            assertThat(Pose.wrap(left.pose().yaw() - start.yaw())).isCloseTo(Math.toRadians(30), within(EPS));
            Observation right = sim.step(Action.TURN_RIGHT);
            assertThat(Pose.wrap(right.pose().yaw() - start.yaw())).isCloseTo(0, within(EPS));
            Observation up = sim.step(Action.LOOK_UP);
            Observation down = sim.step(Action.LOOK_DOWN);
            assertThat(up.pose()).isEqualTo(right.pose());
            assertThat(down.pose()).isEqualTo(right.pose());
            assertThat(down.step()).isEqualTo(4);
            assertThat(down.status().actionsInSubtask()).isEqualTo(4);
            assertThat(down.status().lastOutcome()).isNull();
        }
    }

    @Test
    void forwardMovesAQuarterMetreOrCollidesWithoutSliding() {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            sim.newEpisode(new EpisodeRequest(7, 1));
            boolean moved = false;
            boolean blocked = false;
            for (int i = 0; i < 120 && !(moved && blocked); i++) {
                Pose before = sim.agentPose();
                Observation o = sim.step(Action.MOVE_FORWARD);
                if (o.collided()) {
                    blocked = true;
                    assertThat(o.pose()).as("a blocked step leaves the agent where it was").isEqualTo(before);
                    if (!moved) {
                        sim.step(Action.TURN_LEFT); // find a free direction first
                    }
                } else {
                    moved = true;
                    Vec3 expected = before.position().plus(new Vec3(before.forward().x() * 0.25, 0, before.forward().z() * 0.25));
                    assertThat(o.pose().position().x()).isCloseTo(expected.x(), within(EPS));
                    assertThat(o.pose().position().z()).isCloseTo(expected.z(), within(EPS));
                    assertThat(o.pose().yaw()).isEqualTo(before.yaw());
                }
            }
            assertThat(moved).as("walked forward").isTrue();
            assertThat(blocked).as("walking straight ahead meets a wall").isTrue();
        }
    }

    @Test
    void subtaskStopJudgesTheSubtaskAndTheNextOneBegins() {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            EpisodeStart start = sim.newEpisode(new EpisodeRequest(7, 2));
            for (int i = 0; i < 3; i++) {
                sim.step(Action.TURN_LEFT);
            }
            Observation stopped = sim.step(Action.SUBTASK_STOP);
            SubtaskOutcome o = stopped.status().lastOutcome();
            assertThat(o).isNotNull();
            assertThat(o.subtaskIndex()).isZero();
            assertThat(json.toObject(o.goal())).isEqualTo(json.toObject(start.spec().goals().get(0)));
            assertThat(o.actions()).as("actions before the stop").isEqualTo(3);
            assertThat(o.pathLengthM()).isZero();
            assertThat(o.budgetExhausted()).isFalse();
            assertThat(o.revisit()).as("the first subtask is never a revisit").isFalse();
            assertThat(o.shortestPathM()).as("did not move, so the final distance is the shortest").isCloseTo(o.finalDistanceM(), within(1e-6));
            assertThat(o.success()).isEqualTo(o.finalDistanceM() <= AgentConfig.goatStretch().successDistanceM());
            assertThat(o.spl()).isBetween(0.0, 1.0);
            assertThat(stopped.status().subtaskIndex()).isEqualTo(1);
            assertThat(stopped.status().actionsInSubtask()).isZero();
            assertThat(stopped.status().episodeOver()).isFalse();
            assertThat(sim.step(Action.TURN_LEFT).status().lastOutcome()).isNull();
        }
    }

    @Test
    void stoppingAtAViewPointOfTheGoalSucceedsWithFullSpl() {
        try (SimClient sim = connect()) {
            SceneInfo scene = sim.loadScene(sceneRef());
            Goal goal = sim.newEpisode(new EpisodeRequest(21, 1)).spec().goals().get(0);
            SubtaskOutcome success = null;
            for (Vec3 candidate : viewPointCandidates(sim, scene, goal)) {
                sim.newEpisode(new EpisodeRequest(21, 1));
                sim.setAgentPose(new Pose(candidate, 0));
                Observation o = sim.step(Action.SUBTASK_STOP);
                assertThat(o.status().episodeOver()).isTrue();
                if (o.status().lastOutcome().success()) {
                    success = o.status().lastOutcome();
                    break;
                }
            }
            assertThat(success).as("some point next to a '%s' counts as reaching it", goal.category()).isNotNull();
            assertThat(success.finalDistanceM()).isLessThanOrEqualTo(AgentConfig.goatStretch().successDistanceM());
            assertThat(success.pathLengthM()).isZero();
            assertThat(success.spl()).as("teleported there: no path walked").isEqualTo(1.0);
            SimException over = catchThrowableOfType(SimException.class, () -> sim.step(Action.TURN_LEFT));
            assertThat(over.code()).isEqualTo("backend_error");
        }
    }

    /** Navigable points on a ring around each instance that satisfies the goal, nearest ring first. */
    private static List<Vec3> viewPointCandidates(SimClient sim, SceneInfo scene, Goal goal) {
        List<Vec3> points = new ArrayList<>();
        for (double ring : new double[] {0.0, 0.35, 0.7}) {
            for (SceneObject o : scene.objects()) {
                boolean target = goal.instanceId() >= 0 ? o.instanceId() == goal.instanceId() : o.category().equals(goal.category());
                if (!target) {
                    continue;
                }
                double r = Math.max(o.size().x(), o.size().z()) / 2 + ring;
                for (int k = 0; k < (ring == 0 ? 1 : 8); k++) {
                    double a = 2 * Math.PI * k / 8;
                    points.add(sim.snapPoint(new Vec3(o.center().x() + r * Math.cos(a), 0, o.center().z() + r * Math.sin(a))));
                }
            }
        }
        return points;
    }

    @Test
    void stopEndsTheEpisodeAndFurtherStepsAreBackendErrorsOnALiveConnection() {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            sim.newEpisode(new EpisodeRequest(4, 3));
            Observation o = sim.step(Action.STOP);
            assertThat(o.status().episodeOver()).isTrue();
            assertThat(o.status().lastOutcome()).isNotNull();
            SimException e = catchThrowableOfType(SimException.class, () -> sim.step(Action.TURN_LEFT));
            assertThat(e.code()).isEqualTo("backend_error");
            assertThat(e.getMessage()).contains("over");
            assertThat(sim.isConnected()).isTrue();
            assertThat(sim.agentPose()).isEqualTo(o.pose());
        }
    }

    @Test
    void aSubtaskEndsWhenItsActionBudgetRunsOut() {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            sim.newEpisode(new EpisodeRequest(2, 2));
            int budget = sim.capabilities().agent().maxActionsPerSubtask();
            Observation o = null;
            for (int i = 0; i < budget; i++) {
                o = sim.step(Action.TURN_LEFT);
                if (i < budget - 1) {
                    assertThat(o.status().lastOutcome()).isNull();
                }
            }
            SubtaskOutcome out = o.status().lastOutcome();
            assertThat(out.budgetExhausted()).isTrue();
            assertThat(out.success()).isFalse();
            assertThat(out.spl()).isZero();
            assertThat(out.actions()).isEqualTo(budget);
            assertThat(o.status().subtaskIndex()).isEqualTo(1);
        }
    }

    @Test
    void theAgentCanBePlacedOnNavigableGroundButNotInsideWalls() {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            Pose start = sim.newEpisode(new EpisodeRequest(6, 1)).spec().start();
            NavigabilityMap map = sim.navigabilityMap();
            Vec3 elsewhere = farNavigablePoint(map, start.position());
            sim.setAgentPose(new Pose(elsewhere, 1.0));
            Pose now = sim.agentPose();
            assertThat(now.position().x()).isCloseTo(elsewhere.x(), within(EPS));
            assertThat(now.position().z()).isCloseTo(elsewhere.z(), within(EPS));
            assertThat(now.yaw()).isCloseTo(1.0, within(EPS));
            Observation turned = sim.step(Action.TURN_LEFT);
            assertThat(turned.pose().position()).isEqualTo(now.position());
            SimException e = catchThrowableOfType(SimException.class, () -> sim.setAgentPose(new Pose(new Vec3(-50, 0, -50), 0)));
            assertThat(e.code()).isEqualTo("backend_error");
            assertThat(sim.agentPose()).isEqualTo(turned.pose());
        }
    }

    @Test
    void pathQueriesAgreeWithEachOtherAndWithGeometry() {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            Vec3 from = sim.newEpisode(new EpisodeRequest(9, 1)).spec().start().position();
            NavigabilityMap map = sim.navigabilityMap();
            Vec3 to = farNavigablePoint(map, from);
            List<Vec3> path = sim.shortestPath(from, to);
            assertThat(path).hasSizeGreaterThanOrEqualTo(2);
            assertThat(path.get(0).horizontalDistanceTo(from)).isLessThan(map.cellSizeM() * 1.5);
            assertThat(path.get(path.size() - 1).horizontalDistanceTo(to)).isLessThan(map.cellSizeM() * 1.5);
            double length = 0;
            for (int i = 1; i < path.size(); i++) {
                length += path.get(i - 1).horizontalDistanceTo(path.get(i));
                Vec3 mid = new Vec3((path.get(i - 1).x() + path.get(i).x()) / 2, 0, (path.get(i - 1).z() + path.get(i).z()) / 2);
                assertThat(map.navigable(map.colOf(mid.x()), map.rowOf(mid.z()))).as("path leg %d stays on the floor", i).isTrue();
            }
            double geodesic = sim.geodesicDistance(from, to);
            assertThat(geodesic).isCloseTo(length, within(0.05 * length + 0.1));
            assertThat(geodesic).isGreaterThanOrEqualTo(from.horizontalDistanceTo(to) - 0.1);
            assertThat(sim.geodesicDistance(to, from)).isCloseTo(geodesic, within(0.05 * geodesic + 0.1));
            assertThat(sim.geodesicDistance(from, from)).isLessThan(0.1);
            Vec3 outside = new Vec3(-50, 0, -50);
            assertThat(sim.geodesicDistance(from, outside)).as("Infinity crosses the wire").isInfinite();
            assertThat(sim.shortestPath(from, outside)).isEmpty();
        }
    }

    @Test
    void snapPointLandsOnNavigableGroundAndKeepsNavigablePointsInPlace() {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            Vec3 start = sim.newEpisode(new EpisodeRequest(1, 1)).spec().start().position();
            NavigabilityMap map = sim.navigabilityMap();
            assertThat(sim.snapPoint(start).horizontalDistanceTo(start)).isLessThan(map.cellSizeM());
            // Points just outside or at the rim of the scene; how far a simulator searches beyond that is its own
            // business (Habitat's navmesh snap gives up at some distance).
            Vec3 beyondFarCorner = new Vec3(map.xOf(map.width() - 1) + 1, 0, map.zOf(map.height() - 1) + 1);
            for (Vec3 p : List.of(new Vec3(map.originX() - 1, 0, map.originZ() - 1), beyondFarCorner,
                    new Vec3(map.xOf(0), 1.0, map.zOf(0)))) {
                Vec3 snapped = sim.snapPoint(p);
                assertThat(map.navigable(map.colOf(snapped.x()), map.rowOf(snapped.z()))).as("snap of %s = %s", p, snapped).isTrue();
                assertThat(sim.snapPoint(snapped).horizontalDistanceTo(snapped)).isLessThan(map.cellSizeM());
            }
        }
    }

    @Test
    void theNavigabilityMapIsABinaryGridCoveringTheScene() {
        try (SimClient sim = connect()) {
            SceneInfo scene = sim.loadScene(sceneRef());
            NavigabilityMap map = sim.navigabilityMap();
            assertThat(map.cellSizeM()).isBetween(0.01, 0.5);
            long free = 0;
            for (byte c : map.cells()) {
                assertThat(c).isIn((byte) 0, (byte) 1);
                free += c;
            }
            assertThat(free).isPositive().isLessThan(map.cells().length);
            for (SceneObject o : scene.objects()) {
                assertThat(o.center().x()).isBetween(map.originX(), map.originX() + map.width() * map.cellSizeM());
                assertThat(o.center().z()).isBetween(map.originZ(), map.originZ() + map.height() * map.cellSizeM());
            }
        }
    }

    @Test
    void oneClientCanBeUsedFromSeveralThreadsAtOnce() throws Exception {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            Vec3 start = sim.newEpisode(new EpisodeRequest(8, 1)).spec().start().position();
            Vec3 expected = sim.snapPoint(start);
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 25; i++) {
                        assertThat(sim.snapPoint(start)).isEqualTo(expected);
                        assertThat(sim.agentPose().position()).isEqualTo(start);
                    }
                }));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReconnectedClientGetsAFreshSimulator() {
        try (SimClient sim = connect()) {
            sim.loadScene(sceneRef());
            sim.newEpisode(new EpisodeRequest(3, 1));
            sim.reconnect();
            assertThat(sim.isConnected()).isTrue();
            SimException e = catchThrowableOfType(SimException.class, () -> sim.step(Action.TURN_LEFT));
            assertThat(e.code()).as("the new connection has no episode yet").isEqualTo("backend_error");
            sim.loadScene(sceneRef());
            assertThat(sim.newEpisode(new EpisodeRequest(3, 1)).observation().step()).isZero();
        }
    }

    // ---- faults ---------------------------------------------------------------------------------------

    static Stream<Arguments> badFrames() {
        byte[] hello = "{\"id\":1,\"method\":\"hello\",\"params\":{\"protocol\":\"1.0\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] whole = WirePeer.request("{\"id\":1,\"method\":\"hello\",\"params\":{\"protocol\":\"1.0\"}}", new byte[0]);
        return Stream.of(
                Arguments.of("wrong magic", "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                        "bad_magic"),
                Arguments.of("another major version", WirePeer.frame(WirePeer.MAGIC, 0x0200, 1, hello.length, 0, hello,
                        new byte[0]), "unsupported_version"),
                Arguments.of("truncated frame", Arrays.copyOf(whole, whole.length - 5), "bad_frame"),
                Arguments.of("oversized payload", WirePeer.frame(WirePeer.MAGIC, WirePeer.V1_0, 1, hello.length, 1L << 33,
                        hello, new byte[0]), "frame_too_large"),
                Arguments.of("oversized header", WirePeer.frame(WirePeer.MAGIC, WirePeer.V1_0, 1, 64L << 20, 0, new byte[0],
                        new byte[0]), "frame_too_large"),
                Arguments.of("garbage JSON", WirePeer.request("{\"id\":1,\"method\":\"hello\",,,}", new byte[0]), "bad_json"),
                Arguments.of("blob size not dtype x shape", WirePeer.request("{\"id\":1,\"method\":\"hello\",\"blobs\":[{\"name\":"
                        + "\"rgb\",\"dtype\":\"uint8\",\"shape\":[2,2,3],\"offset\":0,\"nbytes\":11}]}", new byte[12]), "bad_frame"),
                Arguments.of("unknown frame type", WirePeer.frame(WirePeer.MAGIC, WirePeer.V1_0, 77, hello.length, 0, hello,
                        new byte[0]), "bad_frame"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void aBadFrameGetsItsErrorFrameAndAClosedConnectionWhileOtherClientsCarryOn(String what, byte[] bytes, String code)
            throws Exception {
        try (SimClient healthy = connect()) {
            healthy.loadScene(sceneRef());
            healthy.newEpisode(new EpisodeRequest(1, 1));
            try (WirePeer bad = peer()) {
                bad.sendBytes(bytes);
                if (what.startsWith("truncated")) {
                    bad.shutdownOutput(); // the peer stopped mid-frame
                }
                Frame error = bad.read().orElseThrow();
                assertThat(error.type()).isEqualTo(FrameType.ERROR);
                assertThat(error.error().code()).isEqualTo(code);
                assertThat(error.error().message()).isNotBlank();
                assertThat(bad.serverClosed()).isTrue();
            }
            assertThat(healthy.step(Action.TURN_LEFT).step()).isEqualTo(1);
        }
    }

    @Test
    void clientsThatDisconnectMidFrameDoNotDisturbTheServer() throws Exception {
        byte[] whole = WirePeer.request("{\"id\":1,\"method\":\"hello\",\"params\":{\"protocol\":\"1.0\"}}", new byte[0]);
        try (SimClient healthy = connect()) {
            healthy.loadScene(sceneRef());
            for (int cut : new int[] {3, 20, whole.length - 1}) {
                try (Socket s = new Socket(server.endpoint().host(), server.endpoint().port())) {
                    s.getOutputStream().write(whole, 0, cut);
                    s.getOutputStream().flush();
                }
            }
            assertThat(healthy.newEpisode(new EpisodeRequest(2, 1)).observation().step()).isZero();
        }
        try (SimClient fresh = connect()) {
            assertThat(fresh.loadScene(sceneRef()).objects()).isNotEmpty();
        }
    }

    @Test
    void aSlowServerTimesOutTheRequestAndTheConnectionStaysUsable() {
        // Only steps are slow; the timeout leaves the other calls (a first render, an episode) ample time.
        try (BridgeServerUnderTest slow = startServer(ServerFaults.slowSteps(Duration.ofMillis(3500)));
             SimClient sim = connect(slow, Duration.ofMillis(2000))) {
            sim.loadScene(sceneRef());
            Pose start = sim.newEpisode(new EpisodeRequest(1, 1)).observation().pose();
            SimException e = catchThrowableOfType(SimException.class, () -> sim.step(Action.TURN_LEFT));
            assertThat(e.code()).isEqualTo("timeout");
            assertThat(e.getMessage()).isEqualTo("no response to step within 2000 ms from simulator at " + slow.endpoint().address());
            assertThat(sim.isConnected()).isTrue();
            // The server answers in order: the late step answer arrives first and is dropped, then this one.
            awaitQuietly(Duration.ofMillis(1700));
            assertThat(Pose.wrap(sim.agentPose().yaw() - start.yaw())).isCloseTo(Math.toRadians(30), within(EPS));
        }
    }

    @Test
    void aServerThatDiesMidEpisodeFailsTheRequestInFlightAndEveryLaterOneWithClosed() throws Exception {
        BridgeServerUnderTest dying = startServer(ServerFaults.slowSteps(Duration.ofMillis(1500)));
        String address = dying.endpoint().address();
        try (SimClient sim = connect(dying, Duration.ofSeconds(20))) {
            sim.loadScene(sceneRef());
            sim.newEpisode(new EpisodeRequest(1, 2));
            CompletableFuture<Observation> inFlight = CompletableFuture.supplyAsync(() -> sim.step(Action.TURN_LEFT));
            awaitQuietly(Duration.ofMillis(300));
            dying.kill();
            ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> inFlight.get(20, TimeUnit.SECONDS));
            SimException lost = (SimException) failure.getCause();
            assertThat(lost.code()).isEqualTo("closed");
            assertThat(lost.getMessage()).contains("simulator at " + address).contains("during step");
            SimException later = catchThrowableOfType(SimException.class, () -> sim.step(Action.TURN_LEFT));
            assertThat(later.code()).isEqualTo("closed");
            assertThat(later.getMessage()).contains(address).contains("step was not sent");
            assertThat(sim.isConnected()).isFalse();
            SimException reconnect = catchThrowableOfType(SimException.class, sim::reconnect);
            assertThat(reconnect.code()).isEqualTo("connect_failed");
            assertThat(reconnect.getMessage()).contains(address);
        } finally {
            dying.close();
        }
    }

    private static Vec3 farNavigablePoint(NavigabilityMap map, Vec3 from) {
        Vec3 best = from;
        for (int row = 0; row < map.height(); row++) {
            for (int col = 0; col < map.width(); col++) {
                Vec3 p = new Vec3(map.xOf(col), from.y(), map.zOf(row));
                if (map.navigable(col, row) && neighboursNavigable(map, col, row) && p.horizontalDistanceTo(from) > best.horizontalDistanceTo(from)) {
                    best = p;
                }
            }
        }
        return best;
    }

    /** Interior cells only: a point on the rim of the free space is navigable in one grid and not in a finer one. */
    private static boolean neighboursNavigable(NavigabilityMap map, int col, int row) {
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                if (!map.navigable(col + dc, row + dr)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void awaitQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
