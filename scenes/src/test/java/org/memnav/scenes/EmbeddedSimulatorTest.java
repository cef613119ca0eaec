package org.memnav.scenes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.sim.EmbeddedSimulator;
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
import java.util.List;
import java.util.Map;

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
        // face each direction in turn until a forward step is free, then check its length
        Observation moved = null;
        for (int i = 0; i < 12 && moved == null; i++) {
            Observation o = sim.step(Action.MOVE_FORWARD);
            if (!o.collided()) {
                moved = o;
            } else {
                assertThat(o.pose()).isEqualTo(sim.agentPose());
                sim.step(Action.TURN_LEFT);
            }
        }
        assertThat(moved).isNotNull();
        assertThat(moved.step()).isGreaterThan(1);
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
    void renderedObjectPixelsCarryTheirInstanceIdAtPlausibleDepth() {
        sim.newEpisode(new EpisodeRequest(3, 3));
        Map<Integer, PlacedObject> objects = new HashMap<>();
        sim.layout().objects().forEach(o -> objects.put(o.instanceId(), o));
        int checked = 0;
        for (int turn = 0; turn < 12; turn++) {
            Observation o = sim.step(Action.TURN_LEFT);
            assertThat(o.rgb().data()).isNotEmpty();
            int w = o.semantic().width();
            for (int i = 0; i < o.semantic().ids().length; i += 97) {
                int id = o.semantic().ids()[i];
                if (id == 0) {
                    continue;
                }
                assertThat(objects).containsKey(id);
                PlacedObject obj = objects.get(id);
                double planar = Math.hypot(obj.centreX() - o.pose().position().x(), obj.centreZ() - o.pose().position().z());
                float depth = o.depth().metres()[i];
                double reach = Math.hypot(obj.width(), obj.depth()) / 2 + 0.05;
                // view depth is at most the straight-line distance to some point of the object
                assertThat((double) depth).as("pixel %d,%d", i % w, i / w).isLessThan(planar + reach + 1.5);
                assertThat((double) depth).isGreaterThan(0);
                checked++;
            }
        }
        assertThat(checked).as("a full turn sees some object").isGreaterThan(0);
        assertThat(scene.objects()).hasSize(sim.layout().objects().size());
    }

    @Test
    void subtaskStopIsJudgedAndEpisodesEnd() {
        EpisodeStart start = sim.newEpisode(new EpisodeRequest(4, 2));
        assertThat(start.spec().goals()).hasSize(2);
        Observation o = sim.step(Action.SUBTASK_STOP);
        SubtaskOutcome first = o.status().lastOutcome();
        assertThat(first).isNotNull();
        assertThat(first.subtaskIndex()).isZero();
        assertThat(first.spl()).isBetween(0.0, 1.0);
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
        List<Vec3> path = sim.shortestPath(a, b);
        assertThat(path).isNotEmpty();
        double len = 0;
        for (int i = 1; i < path.size(); i++) {
            len += path.get(i).horizontalDistanceTo(path.get(i - 1));
        }
        assertThat(sim.geodesicDistance(a, b)).isCloseTo(len, within(1e-6));
        assertThat(sim.navigabilityMap().cells()).contains((byte) 1);
        assertThatThrownBy(() -> sim.loadScene("nowhere.json")).isInstanceOf(SimException.class).hasMessageContaining("nowhere.json");
        sim.loadScene("procedural:apartment?seed=7");
    }
}
