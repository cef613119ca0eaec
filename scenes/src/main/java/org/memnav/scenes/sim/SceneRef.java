package org.memnav.scenes.sim;

import org.memnav.scenes.layout.SceneFiles;
import org.memnav.scenes.layout.SceneGenerator;
import org.memnav.scenes.layout.SceneKind;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.simbridge.api.SimException;

import java.nio.file.Path;

/**
 * Resolves a scene reference: {@code procedural:apartment?seed=N}, {@code procedural:office?seed=N},
 * {@code scene-set:SET/SCENE} (a committed scene, e.g. {@code scene-set:heldout/office-900001}) or a
 * path to a scene {@code .json} file. ({@code .glb} meshes are imported by the simulator itself, since
 * they bring their own geometry and navigability: see {@code GlbStageImporter}.)
 */
public final class SceneRef {

    public static final String DEFAULT = "procedural:apartment?seed=7";
    public static final String SET_PREFIX = "scene-set:";
    private static final String PROCEDURAL = "procedural:";

    private SceneRef() {
    }

    public static SceneLayout resolve(String ref, double agentRadius) {
        if (ref == null || ref.isBlank()) {
            throw new SimException("unknown_scene", "empty scene reference: " + usage());
        }
        if (ref.startsWith(PROCEDURAL)) {
            return procedural(ref, agentRadius);
        }
        if (ref.startsWith(SET_PREFIX)) {
            String rest = ref.substring(SET_PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw new SimException("unknown_scene", "scene reference '" + ref + "': expected " + SET_PREFIX + "SET/SCENE");
            }
            try {
                return SceneSets.builtIn().load(rest.substring(0, slash), rest.substring(slash + 1));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new SimException("unknown_scene", e.getMessage(), e);
            }
        }
        if (ref.endsWith(".json")) {
            try {
                return new SceneFiles().read(Path.of(ref));
            } catch (IllegalArgumentException e) {
                throw new SimException("unknown_scene", e.getMessage(), e);
            }
        }
        throw new SimException("unknown_scene", "unknown scene reference '" + ref + "': " + usage());
    }

    private static SceneLayout procedural(String ref, double agentRadius) {
        String rest = ref.substring(PROCEDURAL.length());
        int q = rest.indexOf('?');
        String kindName = q < 0 ? rest : rest.substring(0, q);
        SceneKind kind;
        try {
            kind = SceneKind.fromWireName(kindName);
        } catch (IllegalArgumentException e) {
            throw new SimException("unknown_scene", "scene reference '" + ref + "': unknown kind '" + kindName
                    + "'; expected apartment or office");
        }
        if (kind == SceneKind.IMPORTED) {
            throw new SimException("unknown_scene", "scene reference '" + ref + "': imported scenes are loaded from a .glb file");
        }
        long seed = 0;
        if (q >= 0) {
            String query = rest.substring(q + 1);
            if (!query.startsWith("seed=")) {
                throw new SimException("unknown_scene", "scene reference '" + ref + "': expected " + PROCEDURAL + kindName
                        + "?seed=N");
            }
            try {
                seed = Long.parseLong(query.substring(5));
            } catch (NumberFormatException e) {
                throw new SimException("unknown_scene", "scene reference '" + ref + "': seed is not a number");
            }
        }
        return new SceneGenerator(agentRadius).generate(kind, seed);
    }

    private static String usage() {
        return "use procedural:apartment?seed=N, procedural:office?seed=N, " + SET_PREFIX
                + "SET/SCENE (e.g. scene-set:heldout/office-900001), a scene .json file or a .glb mesh";
    }
}
