package org.memnav.scenes;

import org.junit.jupiter.api.Test;
import org.memnav.scenes.layout.ApartmentGenerator;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneFiles;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.OccupancyGrid;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApartmentGeneratorTest {

    private final ApartmentGenerator generator = new ApartmentGenerator(0.17);
    private final SceneFiles files = new SceneFiles();

    @Test
    void sameSeedGivesByteIdenticalSceneJson() {
        assertThat(files.toJson(generator.generate(7))).isEqualTo(files.toJson(generator.generate(7)));
        assertThat(files.toJson(generator.generate(7))).isNotEqualTo(files.toJson(generator.generate(8)));
    }

    @Test
    void apartmentHasSeveralReachableRoomsAndObjects() {
        for (long seed = 0; seed < 10; seed++) {
            SceneLayout layout = generator.generate(seed);
            OccupancyGrid grid = OccupancyGrid.build(layout, 0.17, 0.05);
            assertThat(layout.rooms()).hasSizeBetween(4, 12);
            assertThat(layout.objects()).hasSizeGreaterThanOrEqualTo(8);
            for (Room r : layout.rooms()) {
                assertThat(grid.anyNavigableIn(r.minX(), r.minZ(), r.maxX(), r.maxZ()))
                        .as("room %s of seed %d reachable", r.id(), seed).isTrue();
            }
            for (PlacedObject o : layout.objects()) {
                assertThat(grid.navigableAt(o.centreX(), o.centreZ())).as("object centre is not walkable").isFalse();
            }
        }
    }

    @Test
    void sceneFileRoundTripsAndBadFilesNameTheProblem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        SceneLayout layout = generator.generate(3);
        Path file = dir.resolve("s.json");
        files.write(layout, file);
        assertThat(files.read(file)).isEqualTo(layout);

        assertThatThrownBy(() -> files.read(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json").hasMessageContaining("does not exist");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"sceneId\": \"x\", \"seed\": \"not-a-number\"}");
        assertThatThrownBy(() -> files.read(broken)).hasMessageContaining("broken.json").hasMessageContaining("not a valid scene");
    }
}
