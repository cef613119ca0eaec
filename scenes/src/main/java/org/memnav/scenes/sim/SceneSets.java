package org.memnav.scenes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.memnav.scenes.layout.SceneFiles;
import org.memnav.scenes.layout.SceneLayout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The scene sets shipped in this module (scenes/data, on the classpath under
 * {@value #RESOURCE_ROOT}): {@code train} for tests, benchmarks and training, and {@code heldout}
 * (alias {@code val_unseen}), whose seeds and scenes must never be used to train models. See
 * scenes/data/sets.json for the seed ranges.
 */
public final class SceneSets {

    public static final String RESOURCE_ROOT = "/org/memnav/scenes/sets/";

    private final List<SceneSet> sets;

    private SceneSets(List<SceneSet> sets) {
        this.sets = List.copyOf(sets);
    }

    /** The sets listed in the shipped index. */
    public static SceneSets builtIn() {
        try (InputStream in = SceneSets.class.getResourceAsStream(RESOURCE_ROOT + "sets.json")) {
            if (in == null) {
                throw new IllegalStateException("scene set index " + RESOURCE_ROOT + "sets.json is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<SceneSet> sets = new ArrayList<>();
            for (JsonNode s : root.path("sets")) {
                List<String> aliases = new ArrayList<>();
                s.path("aliases").forEach(a -> aliases.add(a.asText()));
                List<String> scenes = new ArrayList<>();
                s.path("scenes").forEach(a -> scenes.add(a.asText()));
                sets.add(new SceneSet(s.path("name").asText(), aliases, s.path("description").asText(),
                        s.path("seed_range").path(0).asLong(), s.path("seed_range").path(1).asLong(), scenes));
            }
            return new SceneSets(sets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scene set index: " + e.getMessage(), e);
        }
    }

    public List<SceneSet> all() {
        return sets;
    }

    /** The set with this name or alias. */
    public SceneSet set(String name) {
        for (SceneSet s : sets) {
            if (s.name().equals(name) || s.aliases().contains(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scene set '" + name + "'; known sets: "
                + String.join(", ", sets.stream().map(SceneSet::name).toList()));
    }

    /** True when a generator seed belongs to the held-out set (never train on it). */
    public boolean isHeldOut(long seed) {
        return set("heldout").ownsSeed(seed);
    }

    /** Refuses held-out seeds: call this wherever scenes for training are generated. */
    public void requireTrainingSeed(long seed) {
        if (isHeldOut(seed)) {
            SceneSet h = set("heldout");
            throw new IllegalArgumentException("seed " + seed + " belongs to the held-out scene set (seeds " + h.firstSeed()
                    + ".." + h.lastSeed() + "); held-out scenes must not be used for training");
        }
    }

    /** Loads one committed scene of a set: {@code heldout/office-900001}. */
    public SceneLayout load(String setName, String scene) {
        SceneSet set = set(setName);
        if (!set.scenes().contains(scene)) {
            throw new IllegalArgumentException("scene set '" + set.name() + "' has no scene '" + scene + "'; it has: "
                    + String.join(", ", set.scenes()));
        }
        String resource = RESOURCE_ROOT + set.name() + "/" + scene + ".json";
        try (InputStream in = SceneSets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("scene " + resource + " is listed in the set index but missing");
            }
            return new SceneFiles().parse(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scene " + resource + ": " + e.getMessage(), e);
        }
    }
}
