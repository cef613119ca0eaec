package org.memnav.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.scenes.layout.SceneFiles;
import org.memnav.scenes.layout.SceneLayout;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code memnav scene ...} and {@code memnav bench sim} as a user types them. */
class SceneCommandTest {


    private static CommandOutcome memnav(String... args) {
        return CommandOutcome.execute(args);
    }

    @Test
    void generateWritesTheSameSceneFileForTheSameSeed(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        CommandOutcome r = memnav("scene", "generate", "--kind", "office", "--seed", "12", "--out", a.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("scene").contains("rooms").contains("objects");
        JsonNode json = r.lastLineJson();
        assertThat(json.get("scene_id").asText()).isEqualTo("office-12");
        assertThat(json.get("rooms").asInt()).isBetween(4, 12);
        assertThat(json.get("held_out").asBoolean()).isFalse();
        assertThat(json.has("generation_ms")).isTrue();
        assertThat(memnav("scene", "generate", "--kind", "office", "--seed", "12", "--out", b.toString()).exit()).isZero();
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
        SceneLayout layout = new SceneFiles().read(a);
        assertThat(layout.objects()).hasSize(json.get("objects").asInt());

        CommandOutcome heldOut = memnav("scene", "generate", "--seed", "900001", "--out", dir.resolve("h.json").toString());
        assertThat(heldOut.out()).contains("held-out");
    }

    @Test
    void badArgumentsFailWithAOneLineReason(@TempDir Path dir) {
        CommandOutcome kind = memnav("scene", "generate", "--kind", "castle", "--out", dir.resolve("x.json").toString());
        assertThat(kind.exit()).isNotZero();
        assertThat(kind.err().strip()).startsWith("memnav: ").contains("castle");
        assertThat(kind.err().strip().lines()).hasSize(1);

        CommandOutcome directory = memnav("scene", "generate", "--out", dir.toString());
        assertThat(directory.exit()).isNotZero();
        assertThat(directory.err()).contains("is a directory");

        CommandOutcome missingScene = memnav("scene", "preview", "--scene", dir.resolve("none.json").toString(), "--out", dir.toString());
        assertThat(missingScene.exit()).isNotZero();
        assertThat(missingScene.err().strip()).startsWith("memnav: ").contains("none.json");

        CommandOutcome noSub = memnav("scene");
        assertThat(noSub.exit()).isNotZero();
        assertThat(noSub.err()).contains("generate").contains("sets").contains("preview");
    }

    @Test
    void everySceneAndBenchSubcommandHasHelp() {
        for (String[] cmd : new String[][]{{"scene", "--help"}, {"scene", "generate", "--help"}, {"scene", "sets", "--help"},
                {"scene", "preview", "--help"}, {"bench", "sim", "--help"}}) {
            CommandOutcome r = memnav(cmd);
            assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }

    @Test
    void setsListsTrainAndHeldOut() throws Exception {
        CommandOutcome r = memnav("scene", "sets", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("train").contains("heldout").contains("val_unseen");
        JsonNode sets = r.lastLineJson().get("sets");
        assertThat(sets).hasSize(2);
        assertThat(sets.get(1).get("scene_refs").get(0).asText()).startsWith("scene-set:heldout/");
    }

    @Test
    void previewWritesSensorImagesGoalPicturesAndAMap(@TempDir Path dir) throws Exception {
        CommandOutcome r = memnav("scene", "preview", "--scene", "scene-set:train/apartment-7", "--episode-seed", "3", "--out",
                dir.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = r.lastLineJson();
        assertThat(json.get("goals")).hasSize(8);
        assertThat(Files.exists(dir.resolve("view0_rgb.png"))).isTrue();
        assertThat(Files.exists(dir.resolve("view0_depth.png"))).isTrue();
        assertThat(Files.exists(dir.resolve("view0_semantic.png"))).isTrue();
        assertThat(Files.exists(dir.resolve("map.png"))).isTrue();
        assertThat(json.get("files").size()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void benchSimPrintsATableAndAJsonLine() throws Exception {
        CommandOutcome r = memnav("bench", "sim", "--seconds", "0.2", "--generation-seeds", "2", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("step + render 256x256").contains("geodesic").contains("generate office");
        JsonNode json = r.lastLineJson();
        assertThat(json.get("steps_256_per_s").asDouble()).isPositive();
        assertThat(json.get("steps_640_per_s").asDouble()).isPositive();
        assertThat(json.get("geodesic_queries_per_s").asDouble()).isPositive();
        assertThat(json.get("office_generation_mean_ms").asDouble()).isPositive();
    }
}
