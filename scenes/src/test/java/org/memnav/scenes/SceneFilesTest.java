package org.memnav.scenes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.scenes.layout.SceneFiles;
import org.memnav.scenes.layout.SceneGenerator;
import org.memnav.scenes.layout.SceneKind;
import org.memnav.scenes.layout.SceneLayout;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SceneFilesTest {

    private final SceneFiles files = new SceneFiles();
    private final SceneLayout office = new SceneGenerator(0.17).generate(SceneKind.OFFICE, 3);

    @Test
    void sceneFilesRoundTripExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/office.json");
        files.write(office, file);
        SceneLayout back = files.read(file);
        assertThat(back).isEqualTo(office);
        assertThat(files.toJson(back)).isEqualTo(Files.readString(file));
        assertThat(Files.readString(file)).contains("\"format\" : \"memnav-scene/1\"", "\"scene_id\" : \"office-3\"",
                "\"kind\" : \"office\"", "\"wall_finish\"", "\"facing_deg\"");
    }

    @Test
    void missingAndMalformedFilesNameTheFileAndTheField(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> files.read(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json").hasMessageContaining("does not exist");

        Path notJson = dir.resolve("garbage.json");
        Files.writeString(notJson, "this is not json");
        assertThatThrownBy(() -> files.read(notJson)).hasMessageContaining("garbage.json").hasMessageContaining("not a valid scene");

        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> files.read(empty)).hasMessageContaining("empty.json");

        String json = files.toJson(office);
        Path badType = dir.resolve("bad-type.json");
        Files.writeString(badType, json.replaceFirst("\"seed\" : 3", "\"seed\" : \"three\""));
        assertThatThrownBy(() -> files.read(badType)).hasMessageContaining("bad-type.json").hasMessageContaining("seed");

        Path badWidth = dir.resolve("bad-width.json");
        Files.writeString(badWidth, json.replaceFirst("\"width\" : ([0-9.]+),\n    \"depth\"", "\"width\" : -1.0,\n    \"depth\""));
        assertThatThrownBy(() -> files.read(badWidth)).hasMessageContaining("bad-width.json").hasMessageContaining("objects[0].width");

        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, json.replaceFirst("\"wall_height\"", "\"wal_height\""));
        assertThatThrownBy(() -> files.read(typo)).hasMessageContaining("typo.json")
                .hasMessageContaining("required field 'wall_height' is missing");

        Path wrongFormat = dir.resolve("format.json");
        Files.writeString(wrongFormat, json.replace("memnav-scene/1", "memnav-scene/9"));
        assertThatThrownBy(() -> files.read(wrongFormat)).hasMessageContaining("format").hasMessageContaining("memnav-scene/9");

        Path badRoom = dir.resolve("room.json");
        Files.writeString(badRoom, json.replaceFirst("\"room_id\" : \"room[0-9]+\"", "\"room_id\" : \"attic\""));
        assertThatThrownBy(() -> files.read(badRoom)).hasMessageContaining("room_id 'attic' names no room");

        Path badKind = dir.resolve("kind.json");
        Files.writeString(badKind, json.replace("\"kind\" : \"office\"", "\"kind\" : \"castle\""));
        assertThatThrownBy(() -> files.read(badKind)).hasMessageContaining("kind").hasMessageContaining("castle");
    }
}
