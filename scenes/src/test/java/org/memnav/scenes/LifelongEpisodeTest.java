package org.memnav.scenes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memnav.renderers.gl.SensorFrame;
import org.memnav.scenes.episode.GoalRegion;
import org.memnav.scenes.episode.GoalRegions;
import org.memnav.scenes.episode.InstanceDescriber;
import org.memnav.scenes.episode.LifelongEpisodeGenerator;
import org.memnav.scenes.episode.LifelongEpisodeGenerator.Episode;
import org.memnav.scenes.episode.LifelongEpisodeGenerator.PictureView;
import org.memnav.scenes.episode.LifelongEpisodeGenerator.Subtask;
import org.memnav.scenes.layout.Door;
import org.memnav.scenes.layout.Finish;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneGenerator;
import org.memnav.scenes.layout.SceneKind;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.layout.WallSegment;
import org.memnav.scenes.layout.WindowPane;
import org.memnav.scenes.nav.GridPathFinder;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.scenes.sim.SimulatorOptions;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.api.Vec3;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifelongEpisodeTest {

    private static EmbeddedSimulator sim;

    @BeforeAll
    static void load() {
        sim = new EmbeddedSimulator(SimulatorOptions.defaults());
        sim.loadScene("scene-set:train/office-3");
    }

    @AfterAll
    static void close() {
        sim.close();
    }

    @Test
    void episodesHaveTheRequestedSubtasksInAllThreeModalitiesWithRevisits() {
        Set<GoalModality> modalities = EnumSet.noneOf(GoalModality.class);
        int revisits = 0;
        for (int seed = 0; seed < 6; seed++) {
            int count = 5 + seed % 6;
            EpisodeSpec spec = sim.newEpisode(new EpisodeRequest(seed, count)).spec();
            Episode episode = sim.episode();
            assertThat(spec.goals()).hasSize(count);
            List<Subtask> subtasks = episode.subtasks();
            int imageBytes = 0;
            for (int i = 0; i < subtasks.size(); i++) {
                GoalRegion region = subtasks.get(i).region();
                Goal goal = spec.goals().get(i);
                modalities.add(goal.modality());
                assertThat(region.goal()).isSameAs(goal);
                assertThat(region.viewPointCells()).isNotEmpty();
                assertThat(goal.category()).isNotBlank();
                boolean overlapsEarlier = false;
                for (int j = 0; j < i; j++) {
                    overlapsEarlier |= region.overlaps(subtasks.get(j).region());
                }
                assertThat(subtasks.get(i).revisit()).as("revisit flag of subtask %d", i).isEqualTo(overlapsEarlier);
                revisits += overlapsEarlier ? 1 : 0;
                if (i > 0) {
                    assertThat(region.overlaps(subtasks.get(i - 1).region())).as("consecutive goals differ").isFalse();
                }
                switch (goal.modality()) {
                    case OBJECT_CATEGORY -> {
                        assertThat(goal.instanceId()).isEqualTo(-1);
                        assertThat(region.instanceIds()).allSatisfy(id ->
                                assertThat(sim.layout().object(id).category()).isEqualTo(goal.category()));
                    }
                    case LANGUAGE -> {
                        PlacedObject target = sim.layout().object(goal.instanceId());
                        assertThat(region.instanceIds()).containsExactly(goal.instanceId());
                        assertThat(goal.description()).startsWith("the ").contains(target.colour())
                                .contains(sim.layout().room(target.roomId()).type());
                        assertThat(goal.image()).isNull();
                    }
                    case IMAGE -> {
                        assertThat(region.instanceIds()).containsExactly(goal.instanceId());
                        assertThat(goal.image()).isNotNull();
                        assertThat(goal.image().width()).isEqualTo(256);
                        imageBytes += goal.image().data().length;
                        assertThat(subtasks.get(i).pictureView()).isNotNull();
                    }
                }
            }
            assertThat(imageBytes).isLessThanOrEqualTo(LifelongEpisodeGenerator.MAX_GOAL_IMAGE_BYTES_PER_EPISODE);
            double startToFirst = subtasks.get(0).region().geodesicDistance(sim.pathFinder(), spec.start().position().x(),
                    spec.start().position().z());
            assertThat(startToFirst).isGreaterThan(1.0);
        }
        assertThat(modalities).containsExactlyInAnyOrder(GoalModality.values());
        assertThat(revisits).isGreaterThan(0);
    }

    @Test
    void theSameRequestGivesTheSameEpisode() {
        EpisodeSpec a = sim.newEpisode(new EpisodeRequest(42, 8)).spec();
        try (EmbeddedSimulator other = new EmbeddedSimulator(SimulatorOptions.defaults())) {
            other.loadScene("scene-set:train/office-3");
            EpisodeSpec b = other.newEpisode(new EpisodeRequest(42, 8)).spec();
            assertThat(b.start()).isEqualTo(a.start());
            assertThat(b.episodeId()).isEqualTo(a.episodeId());
            for (int i = 0; i < a.goals().size(); i++) {
                Goal ga = a.goals().get(i);
                Goal gb = b.goals().get(i);
                assertThat(gb.modality()).isEqualTo(ga.modality());
                assertThat(gb.description()).isEqualTo(ga.description());
                assertThat(gb.instanceId()).isEqualTo(ga.instanceId());
                if (ga.image() != null) {
                    assertThat(gb.image().data()).isEqualTo(ga.image().data());
                }
            }
        }
    }

    @Test
    void imageGoalPicturesShowTheirInstanceLargeAndCentred() {
        int pictures = 0;
        for (int seed = 0; seed < 6 && pictures < 3; seed++) {
            sim.newEpisode(new EpisodeRequest(100 + seed, 10));
            for (Subtask s : sim.episode().subtasks()) {
                PictureView v = s.pictureView();
                if (v == null) {
                    continue;
                }
                int id = s.region().goal().instanceId();
                SensorFrame f = sim.render(new Pose(new Vec3(v.x(), 0, v.z()), v.yaw()), v.pitch());
                int total = 0;
                Map<Integer, Integer> centre = new HashMap<>();
                for (int r = 0; r < f.height(); r++) {
                    for (int c = 0; c < f.width(); c++) {
                        int pixelId = f.instanceAt(c, r);
                        total += pixelId == id ? 1 : 0;
                        if (Math.abs(c - f.width() / 2) < f.width() / 8 && Math.abs(r - f.height() / 2) < f.height() / 8) {
                            centre.merge(pixelId, 1, Integer::sum);
                        }
                    }
                }
                assertThat(total / (double) (f.width() * f.height())).as("share of picture showing #%d", id).isGreaterThan(0.03);
                int winner = centre.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                assertThat(winner).as("the centre of the picture shows #%d", id).isEqualTo(id);
                pictures++;
            }
        }
        assertThat(pictures).isGreaterThan(2);
    }

    @Test
    void languageDescriptionsAreUniqueInTheirScene() {
        for (SceneKind kind : List.of(SceneKind.APARTMENT, SceneKind.OFFICE)) {
            for (long seed = 0; seed < 4; seed++) {
                SceneLayout layout = new SceneGenerator(0.17).generate(kind, seed);
                InstanceDescriber describer = new InstanceDescriber(layout);
                Map<String, Integer> seen = new HashMap<>();
                int described = 0;
                for (PlacedObject o : layout.objects()) {
                    var text = describer.describe(o);
                    if (text.isPresent()) {
                        described++;
                        Integer other = seen.put(text.get(), o.instanceId());
                        assertThat(other).as("'%s' names both #%s and #%d", text.get(), other, o.instanceId()).isNull();
                    }
                }
                assertThat(described).as("%s %d: most instances can be described", kind, seed)
                        .isGreaterThan(layout.objects().size() / 2);
            }
        }
    }

    @Test
    void aGoalNobodyCanReachIsRefusedWithAClearMessage() {
        // A closet (walls all round) holds a lamp; the agent lives in the room next to it.
        List<Room> rooms = List.of(
                new Room("room0", "living room", 0, 0, 4, 4, 0xEEEEEE, 0x999999, Finish.PAINT, Finish.WOOD),
                new Room("room1", "closet", 4, 0, 6, 4, 0xEEEEEE, 0x999999, Finish.PAINT, Finish.WOOD));
        List<WallSegment> walls = List.of(new WallSegment(3.95, 0, 4.05, 4, 2.5, 0xCCCCCC),
                new WallSegment(-0.1, -0.1, 6.1, 0, 2.5, 0xCCCCCC), new WallSegment(-0.1, 4, 6.1, 4.1, 2.5, 0xCCCCCC),
                new WallSegment(-0.1, 0, 0, 4, 2.5, 0xCCCCCC), new WallSegment(6, 0, 6.1, 4, 2.5, 0xCCCCCC));
        List<PlacedObject> objects = List.of(
                new PlacedObject(1, "sofa", "red", "medium", "room0", 2, 0.6, 2, 0.9, 0.85, 0xC0392B, 180),
                new PlacedObject(2, "lamp", "blue", "medium", "room1", 5, 2, 0.4, 0.4, 1.5, 0x2E6DB4, 0));
        SceneLayout layout = new SceneLayout(SceneLayout.FORMAT, "closet", SceneKind.APARTMENT, 0, 6, 4, 2.5, rooms, walls,
                List.<Door>of(), List.<WindowPane>of(), objects);
        OccupancyGrid grid = OccupancyGrid.build(layout, 0.17, 0.05);
        GoalRegions regions = new GoalRegions(layout, new GridPathFinder(grid));
        assertThatThrownBy(() -> regions.region(Goal.category("lamp"), Set.of(2)))
                .hasMessageContaining("unreachable").hasMessageContaining("find a lamp").hasMessageContaining("[2]");
        try (EmbeddedSimulator closet = new EmbeddedSimulator(SimulatorOptions.defaults())) {
            closet.load(layout);
            EpisodeSpec spec = closet.newEpisode(new EpisodeRequest(1, 1)).spec();
            assertThat(spec.goals().get(0).category()).as("only the reachable sofa is a goal").isEqualTo("sofa");
            assertThatThrownBy(() -> closet.newEpisode(new EpisodeRequest(1, 3)))
                    .isInstanceOf(SimException.class).hasMessageContaining("too few goal categories");
        }
    }

    @Test
    void everyGeneratedSceneHasEnoughDistinctGoals() {
        Set<String> categories = new HashSet<>();
        sim.layout().objects().forEach(o -> categories.add(o.category()));
        assertThat(categories.size()).isGreaterThan(10);
    }
}
