package org.memnav.scenes.sim;

import java.util.List;

/**
 * A named set of scenes a benchmark or an evaluation can run on ("train", "heldout"). The set owns
 * a range of generator seeds (for both kinds); its committed scenes were generated from seeds in
 * that range. Held-out seeds and scenes are never used to train models.
 */
public record SceneSet(String name, List<String> aliases, String description, long firstSeed, long lastSeed,
                       List<String> scenes) {

    public SceneSet {
        aliases = List.copyOf(aliases);
        scenes = List.copyOf(scenes);
    }

    /** Scene references ({@code scene-set:NAME/SCENE}) of the committed scenes, for {@code load_scene}. */
    public List<String> sceneRefs() {
        return scenes.stream().map(s -> SceneRef.SET_PREFIX + name + "/" + s).toList();
    }

    public boolean ownsSeed(long seed) {
        return seed >= firstSeed && seed <= lastSeed;
    }
}
