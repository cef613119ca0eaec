package org.memnav.scenes;

import org.junit.jupiter.api.Test;
import org.memnav.scenes.layout.SceneFiles;
import org.memnav.scenes.layout.SceneGenerator;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.sim.SceneRef;
import org.memnav.scenes.sim.SceneSet;
import org.memnav.scenes.sim.SceneSets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SceneSetsTest {

    private final SceneSets sets = SceneSets.builtIn();

    @Test
    void trainAndHeldOutSetsHaveDisjointSeedsAndScenes() {
        SceneSet train = sets.set("train");
        SceneSet heldout = sets.set("heldout");
        assertThat(sets.set("val_unseen")).isEqualTo(heldout);
        assertThat(train.lastSeed()).isLessThan(heldout.firstSeed());
        assertThat(train.scenes()).doesNotContainAnyElementsOf(heldout.scenes());
        assertThat(train.scenes()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(heldout.scenes()).hasSizeGreaterThanOrEqualTo(4);
        for (SceneSet set : sets.all()) {
            for (String name : set.scenes()) {
                SceneLayout layout = sets.load(set.name(), name);
                assertThat(set.ownsSeed(layout.seed())).as("%s/%s seed %d", set.name(), name, layout.seed()).isTrue();
                assertThat(layout.sceneId()).isEqualTo(name);
            }
        }
        assertThat(sets.isHeldOut(900_017)).isTrue();
        assertThat(sets.isHeldOut(17)).isFalse();
        sets.requireTrainingSeed(17);
        assertThatThrownBy(() -> sets.requireTrainingSeed(950_000)).hasMessageContaining("held-out");
    }

    @Test
    void committedScenesAreExactlyWhatTheGeneratorMakesFromTheirSeed() throws Exception {
        SceneGenerator generator = new SceneGenerator(0.17);
        SceneFiles files = new SceneFiles();
        for (SceneSet set : sets.all()) {
            for (String name : set.scenes()) {
                String resource = SceneSets.RESOURCE_ROOT + set.name() + "/" + name + ".json";
                String committed;
                try (InputStream in = SceneSets.class.getResourceAsStream(resource)) {
                    committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                SceneLayout layout = sets.load(set.name(), name);
                String regenerated = files.toJson(generator.generate(layout.kind(), layout.seed()));
                assertThat(regenerated).as("%s: regenerate with `memnav scene generate --kind %s --seed %d`", resource,
                        layout.kind().wireName(), layout.seed()).isEqualTo(committed);
            }
        }
    }

    @Test
    void setScenesLoadByReferenceAndUnknownNamesAreRefused() {
        SceneSet heldout = sets.set("heldout");
        assertThat(heldout.sceneRefs()).allSatisfy(ref -> assertThat(ref).startsWith("scene-set:heldout/"));
        SceneLayout layout = SceneRef.resolve(heldout.sceneRefs().get(0), 0.17);
        assertThat(layout.sceneId()).isEqualTo(heldout.scenes().get(0));
        assertThatThrownBy(() -> sets.set("test")).hasMessageContaining("unknown scene set 'test'").hasMessageContaining("train");
        assertThatThrownBy(() -> SceneRef.resolve("scene-set:train", 0.17)).hasMessageContaining("SET/SCENE");
    }
}
