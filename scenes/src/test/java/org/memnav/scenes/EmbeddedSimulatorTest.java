package org.memnav.scenes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memnav.renderers.gl.SensorFrame;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.scenes.sim.SimulatorOptions;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EmbeddedSimulatorTest {

    private static EmbeddedSimulator sim;
    private static SceneInfo scene;

    @BeforeAll
    static void load() {
        sim = EmbeddedSimulator.withDefaults();
        scene = sim.loadScene("procedural:apartment?seed=7");
    }

    @AfterAll
    static void close() {
        sim.close();
    }

    @Test
    void forwardMovesAQuarterMetreAndTurnsAreThirtyDegrees() {
        EpisodeStart start = sim.newEpisode(new EpisodeRequest(1, 3));
        Pose p0 = start.observation().pose();
        Observation left = sim.step(Action.TURN_LEFT);
        assertThat(Pose.wrap(left.pose().yaw() - p0.yaw())).isCloseTo(Math.toRadians(30), within(1e-9));
        Observation moved = null;
        for (int i = 0; i < 12 && moved == null; i++) {
            Pose before = sim.agentPose();
            Observation o = sim.step(Action.MOVE_FORWARD);
            if (!o.collided()) {
                moved = o;
                assertThat(o.pose().position().horizontalDistanceTo(before.position())).isCloseTo(0.25, within(1e-9));
            } else {
                assertThat(o.pose()).isEqualTo(before);
                sim.step(Action.TURN_LEFT);
            }
        }
        assertThat(moved).isNotNull();
    }

    @Test
    void collisionLeavesTheAgentInPlace() {
        sim.newEpisode(new EpisodeRequest(2, 3));
        Pose before = null;
        Observation o = null;
        for (int i = 0; i < 200; i++) {
            before = sim.agentPose();
            o = sim.step(Action.MOVE_FORWARD);
            if (o.collided()) {
                break;
            }
        }
        assertThat(o.collided()).as("walking straight eventually hits a wall").isTrue();
        assertThat(o.pose().position()).isEqualTo(before.position());
    }

    @Test
    void withSlidingABlockedStepMovesAlongTheWall() {
        try (EmbeddedSimulator sliding = new EmbeddedSimulator(SimulatorOptions.defaults().withSliding(true))) {
            sliding.loadScene("procedural:apartment?seed=7");
            sliding.newEpisode(new EpisodeRequest(2, 3));
            boolean slid = false;
            for (int i = 0; i < 400 && !slid; i++) {
                Pose before = sliding.agentPose();
                Observation o = sliding.step(i % 9 == 8 ? Action.TURN_LEFT : Action.MOVE_FORWARD);
                if (o.collided()) {
                    double moved = o.pose().position().horizontalDistanceTo(before.position());
                    assertThat(moved).isLessThan(0.25);
                    slid = moved > 0;
                }
            }
            assertThat(slid).as("a step into a wall at an angle slides").isTrue();
        }
    }

    @Test
    void everyObjectSeenFromAboveCarriesItsInstanceIdAtItsDepth() {
        sim.newEpisode(new EpisodeRequest(3, 3));
        double eye = 2.45 - 1.31; // camera 2.45 m above the floor, under the 2.5 m ceiling
        for (PlacedObject o : sim.layout().objects()) {
            SensorFrame f = sim.render(new Pose(new Vec3(o.centreX(), eye, o.centreZ()), 0), -Math.PI / 2);
            int c = f.width() / 2;
            int r = f.height() / 2;
            assertThat(f.instanceAt(c, r)).as("%s #%d seen from above", o.category(), o.instanceId()).isEqualTo(o.instanceId());
            assertThat((double) f.depthAt(c, r)).as("%s #%d depth", o.category(), o.instanceId())
                    .isBetween(2.45 - o.height() - 0.01, 2.45);
        }
    }

    @Test
    void sensorImagesAreNotDegenerate() {
        EpisodeStart start = sim.newEpisode(new EpisodeRequest(3, 3));
        Map<Integer, PlacedObject> objects = new HashMap<>();
        sim.layout().objects().forEach(o -> objects.put(o.instanceId(), o));
        Set<Integer> idsSeen = new HashSet<>();
        int checked = 0;
        Observation o = start.observation();
        for (int turn = 0; turn < 12; turn++) {
            assertThat(luminanceSpread(o.rgb().data())).as("rgb has texture and shading").isGreaterThan(8);
            float min = Float.MAX_VALUE;
            float max = 0;
            for (float d : o.depth().metres()) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            assertThat(min).as("depth: something is in front at every pixel").isGreaterThan(0);
            assertThat(max - min).as("depth varies").isGreaterThan(0.3f);
            int w = o.semantic().width();
            for (int i = 0; i < o.semantic().ids().length; i += 97) {
                int id = o.semantic().ids()[i];
                if (id == 0) {
                    continue;
                }
                idsSeen.add(id);
                assertThat(objects).containsKey(id);
                PlacedObject obj = objects.get(id);
                double planar = Math.hypot(obj.centreX() - o.pose().position().x(), obj.centreZ() - o.pose().position().z());
                double reach = Math.hypot(obj.width(), obj.depth()) / 2 + 0.05;
                assertThat((double) o.depth().metres()[i]).as("pixel %d,%d", i % w, i / w).isLessThan(planar + reach + 1.5);
                checked++;
            }
            o = sim.step(Action.TURN_LEFT);
        }
        assertThat(checked).isGreaterThan(0);
        assertThat(idsSeen.size()).as("a full turn sees several objects").isGreaterThan(2);
        assertThat(scene.objects()).hasSize(sim.layout().objects().size());
    }

    @Test
    void goatParitySensorIsPortrait360x640AndDefaultIs256() {
        assertThat(sim.capabilities().sensor().width()).isEqualTo(256);
        assertThat(sim.capabilities().sensors()).containsExactly("rgb", "depth", "semantic");
        try (EmbeddedSimulator goat = new EmbeddedSimulator(SimulatorOptions.goatParity())) {
            goat.loadScene("procedural:office?seed=2");
            Observation o = goat.newEpisode(new EpisodeRequest(1, 2)).observation();
            assertThat(o.rgb().width()).isEqualTo(360);
            assertThat(o.rgb().height()).isEqualTo(640);
            assertThat(o.depth().metres()).hasSize(360 * 640);
            assertThat(goat.capabilities().sensor().hfovDeg()).isEqualTo(42);
        }
        assertThatThrownBy(() -> SimulatorOptions.defaults().withSensor(new org.memnav.simbridge.api.SensorSpec(0, 10, 90)))
                .hasMessageContaining("sensor size");
        assertThatThrownBy(() -> SimulatorOptions.defaults().withSensor(new org.memnav.simbridge.api.SensorSpec(64, 64, 190)))
                .hasMessageContaining("hfov_deg");
    }

    @Test
    void subtaskStopIsJudgedAndEpisodesEnd() {
        EpisodeStart start = sim.newEpisode(new EpisodeRequest(4, 2));
        assertThat(start.spec().goals()).hasSize(2);
        Observation o = sim.step(Action.SUBTASK_STOP);
        SubtaskOutcome first = o.status().lastOutcome();
        assertThat(first).isNotNull();
        assertThat(first.subtaskIndex()).isZero();
        assertThat(first.success()).as("the start is never within success distance of the first goal").isFalse();
        assertThat(first.spl()).isZero();
        assertThat(first.shortestPathM()).isGreaterThan(1.0);
        assertThat(o.status().subtaskIndex()).isEqualTo(1);
        o = sim.step(Action.SUBTASK_STOP);
        assertThat(o.status().episodeOver()).isTrue();
        assertThatThrownBy(() -> sim.step(Action.MOVE_FORWARD)).isInstanceOf(SimException.class).hasMessageContaining("episode is over");
    }

    @Test
    void pathQueriesAgreeWithEachOther() {
        sim.newEpisode(new EpisodeRequest(5, 2));
        Vec3 a = sim.agentPose().position();
        Vec3 b = sim.snapPoint(new Vec3(sim.layout().width() - 0.5, 0, sim.layout().depth() - 0.5));
        assertThat(sim.isNavigable(b)).isTrue();
        List<Vec3> path = sim.shortestPath(a, b);
        assertThat(path).isNotEmpty();
        double len = 0;
        for (int i = 1; i < path.size(); i++) {
            len += path.get(i).horizontalDistanceTo(path.get(i - 1));
        }
        assertThat(sim.geodesicDistance(a, b)).isCloseTo(len, within(1e-6));
        assertThat(sim.geodesicDistance(a, new Vec3(-40, 0, -40))).isInfinite();
        assertThat(sim.shortestPath(a, new Vec3(-40, 0, -40))).isEmpty();
        assertThat(sim.snapPoint(new Vec3(-40, 0, -40))).satisfies(p -> assertThat(sim.isNavigable(p)).isTrue());
        assertThat(sim.navigabilityMap().cells()).contains((byte) 1);
    }

    @Test
    void isNavigableAndTheGreedyFollowerMatchHabitats() {
        sim.newEpisode(new EpisodeRequest(6, 2));
        PlacedObject sofa = sim.layout().objects().get(0);
        assertThat(sim.isNavigable(new Vec3(sofa.centreX(), 0, sofa.centreZ()))).isFalse();
        assertThat(sim.isNavigable(sim.agentPose().position())).isTrue();
        assertThat(sim.isNavigable(new Vec3(sim.agentPose().position().x(), 2.0, sim.agentPose().position().z()))).isFalse();
        assertThat(sim.isNavigable(new Vec3(-3, 0, -3))).isFalse();

        Vec3 goal = sim.snapPoint(new Vec3(sim.layout().width() - 0.6, 0, 0.6));
        double before = sim.geodesicDistance(sim.agentPose().position(), goal);
        int steps = 0;
        Optional<Action> next = sim.nextActionToward(goal, 0.3);
        while (next.isPresent() && steps < 300) {
            sim.step(next.get());
            steps++;
            next = sim.nextActionToward(goal, 0.3);
        }
        assertThat(next).as("arrived after %d steps from %.1f m", steps, before).isEmpty();
        assertThat(sim.geodesicDistance(sim.agentPose().position(), goal)).isLessThanOrEqualTo(0.3);

        assertThatThrownBy(() -> sim.nextActionToward(new Vec3(sofa.centreX(), 0, sofa.centreZ()), 0.3))
                .isInstanceOf(SimException.class).hasMessageContaining("cannot be reached")
                .satisfies(e -> assertThat(((SimException) e).code()).isEqualTo("unreachable"));
    }

    @Test
    void badPosesAndSceneReferencesGetClearErrors() {
        sim.newEpisode(new EpisodeRequest(7, 2));
        assertThatThrownBy(() -> sim.setAgentPose(new Pose(new Vec3(99, 0, 3), 0)))
                .isInstanceOf(SimException.class).hasMessageContaining("pose.position").hasMessageContaining("outside scene");
        PlacedObject o = sim.layout().objects().get(0);
        assertThatThrownBy(() -> sim.setAgentPose(new Pose(new Vec3(o.centreX(), 0, o.centreZ()), 0)))
                .isInstanceOf(SimException.class).hasMessageContaining("not navigable");
        assertThatThrownBy(() -> sim.setAgentPose(new Pose(new Vec3(Double.NaN, 0, 1), 0)))
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> sim.setAgentPose(new Pose(sim.agentPose().position(), Double.POSITIVE_INFINITY)))
                .hasMessageContaining("pose.yaw");

        assertThatThrownBy(() -> sim.loadScene("nowhere.json")).isInstanceOf(SimException.class).hasMessageContaining("nowhere.json");
        assertThatThrownBy(() -> sim.loadScene("procedural:castle?seed=1")).hasMessageContaining("unknown kind 'castle'");
        assertThatThrownBy(() -> sim.loadScene("procedural:office?seed=x")).hasMessageContaining("seed is not a number");
        assertThatThrownBy(() -> sim.loadScene("scene-set:nope/office-1")).hasMessageContaining("unknown scene set 'nope'");
        assertThatThrownBy(() -> sim.loadScene("scene-set:heldout/office-1")).hasMessageContaining("has no scene 'office-1'");
        assertThatThrownBy(() -> sim.loadScene("house.txt")).hasMessageContaining("procedural:office?seed=N");
        sim.loadScene("procedural:apartment?seed=7");
    }

    private static double luminanceSpread(byte[] rgb) {
        double sum = 0;
        double sq = 0;
        int n = rgb.length / 3;
        for (int i = 0; i < rgb.length; i += 3) {
            double y = 0.3 * (rgb[i] & 0xFF) + 0.59 * (rgb[i + 1] & 0xFF) + 0.11 * (rgb[i + 2] & 0xFF);
            sum += y;
            sq += y * y;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }
}
