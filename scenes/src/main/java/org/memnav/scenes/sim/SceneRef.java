package org.memnav.scenes.sim;

import org.memnav.scenes.layout.ApartmentGenerator;
import org.memnav.scenes.layout.SceneFiles;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.simbridge.api.SimException;

import java.nio.file.Path;

/** Resolves a scene reference: {@code procedural:apartment?seed=N} or a path to a scene JSON file. */
public final class SceneRef {

    public static final String DEFAULT = "procedural:apartment?seed=7";
    private static final String PROCEDURAL = "procedural:apartment";

    private SceneRef() {
    }

    public static SceneLayout resolve(String ref, double agentRadius) {
        if (ref.startsWith(PROCEDURAL)) {
            long seed = 0;
            String rest = ref.substring(PROCEDURAL.length());
            if (rest.startsWith("?seed=")) {
                try {
                    seed = Long.parseLong(rest.substring(6));
                } catch (NumberFormatException e) {
                    throw new SimException("unknown_scene", "scene reference '" + ref + "': seed is not a number");
                }
            } else if (!rest.isEmpty()) {
                throw new SimException("unknown_scene", "scene reference '" + ref + "': expected " + PROCEDURAL + "?seed=N");
            }
            return new ApartmentGenerator(agentRadius).generate(seed);
        }
        if (ref.endsWith(".json")) {
            try {
                return new SceneFiles().read(Path.of(ref));
            } catch (IllegalArgumentException e) {
                throw new SimException("unknown_scene", e.getMessage(), e);
            }
        }
        throw new SimException("unknown_scene", "unknown scene reference '" + ref + "': use " + PROCEDURAL
                + "?seed=N or a scene .json file");
    }
}
