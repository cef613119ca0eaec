package org.memnav.scenes;

import org.junit.jupiter.api.Test;
import org.memnav.scenes.layout.ObjectCatalogue;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneFiles;
import org.memnav.scenes.layout.SceneGenerator;
import org.memnav.scenes.layout.SceneKind;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.layout.SceneValidator;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.scenes.nav.ViewPoints;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SceneGeneratorTest {

    private final SceneGenerator generator = new SceneGenerator(0.17);
    private final SceneFiles files = new SceneFiles();

    @Test
    void sameKindAndSeedGiveByteIdenticalSceneJson() {
        for (SceneKind kind : List.of(SceneKind.APARTMENT, SceneKind.OFFICE)) {
            String a = files.toJson(generator.generate(kind, 7));
            String b = files.toJson(new SceneGenerator(0.17).generate(kind, 7));
            assertThat(a).as(kind.wireName()).isEqualTo(b);
            assertThat(a).isNotEqualTo(files.toJson(generator.generate(kind, 8)));
        }
        assertThat(files.toJson(generator.generate(SceneKind.APARTMENT, 5)))
                .isNotEqualTo(files.toJson(generator.generate(SceneKind.OFFICE, 5)));
    }

    @Test
    void scenesHaveFourToTwelveReachableRoomsDoorsWindowsAndReachableObjects() {
        Set<String> roomTypes = new HashSet<>();
        for (SceneKind kind : List.of(SceneKind.APARTMENT, SceneKind.OFFICE)) {
            for (long seed = 0; seed < 8; seed++) {
                SceneLayout layout = generator.generate(kind, seed);
                assertThat(new SceneValidator().problem(layout)).as("%s %d valid", kind, seed).isNull();
                OccupancyGrid grid = OccupancyGrid.build(layout, 0.17, 0.05);
                assertThat(layout.rooms()).hasSizeBetween(4, 12);
                assertThat(layout.doors()).hasSizeGreaterThanOrEqualTo(layout.rooms().size() - 1);
                assertThat(layout.windows()).isNotEmpty();
                assertThat(layout.objects()).hasSizeGreaterThanOrEqualTo(8);
                for (Room r : layout.rooms()) {
                    roomTypes.add(r.type());
                    assertThat(grid.anyNavigableIn(r.minX(), r.minZ(), r.maxX(), r.maxZ()))
                            .as("room %s (%s) of %s %d reachable", r.id(), r.type(), kind, seed).isTrue();
                }
                for (PlacedObject o : layout.objects()) {
                    assertThat(grid.navigableAt(o.centreX(), o.centreZ())).as("object centre is not walkable").isFalse();
                    assertThat(ViewPoints.cells(grid, o)).as("%s %d has a view point", o.category(), o.instanceId()).isNotEmpty();
                    assertThat(layout.room(o.roomId())).isNotNull();
                }
            }
        }
        assertThat(roomTypes).contains("corridor", "hallway", "meeting room", "office", "kitchen", "bedroom", "bathroom");
    }

    @Test
    void instancesOfACategoryDifferInAttributesAndThirtyCategoriesAreInUse() {
        Set<String> used = new HashSet<>();
        int categoriesWithSeveralColours = 0;
        for (long seed = 0; seed < 6; seed++) {
            for (SceneKind kind : List.of(SceneKind.APARTMENT, SceneKind.OFFICE)) {
                SceneLayout layout = generator.generate(kind, seed);
                Map<String, Set<String>> colours = new HashMap<>();
                for (PlacedObject o : layout.objects()) {
                    used.add(o.category());
                    colours.computeIfAbsent(o.category(), k -> new HashSet<>()).add(o.colour());
                    assertThat(ObjectCatalogue.COLOURS.get(o.colour())).isEqualTo(o.rgb());
                    assertThat(o.size()).isIn("small", "medium", "large");
                }
                categoriesWithSeveralColours += (int) colours.values().stream().filter(c -> c.size() > 1).count();
            }
        }
        assertThat(ObjectCatalogue.CATEGORIES).hasSizeGreaterThanOrEqualTo(30);
        assertThat(used).hasSizeGreaterThanOrEqualTo(30);
        assertThat(categoriesWithSeveralColours).isGreaterThan(10);
    }

    @Test
    void importedScenesAreNotGenerated() {
        assertThatThrownBy(() -> generator.generate(SceneKind.IMPORTED, 1)).hasMessageContaining(".glb");
    }
}
