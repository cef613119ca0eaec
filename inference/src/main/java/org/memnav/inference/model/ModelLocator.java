package org.memnav.inference.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds model manifests in the models folder: {@code inference/models} under the project root
 * (the launcher runs from the repository root), or the folder named by the system property
 * {@value #MODELS_DIR_PROPERTY}. Models stay files, not jar resources, so a researcher can drop
 * in their own export beside the shipped ones.
 */
public record ModelLocator(Path modelsDir) {

    public static final String MODELS_DIR_PROPERTY = "memnav.models.dir";
    public static final String DEFAULT_ENCODER = "encoder_vit_tiny";
    private static final String MANIFEST_SUFFIX = ".json";

    public static ModelLocator inProjectRoot(Path projectRoot) {
        return new ModelLocator(projectRoot.resolve("inference").resolve("models"));
    }

    /** {@value #MODELS_DIR_PROPERTY} when set, else {@code inference/models} under {@code projectRoot}. */
    public static ModelLocator fromSystemProperty(Path projectRoot) {
        return withOverride(projectRoot, System.getProperty(MODELS_DIR_PROPERTY));
    }

    /** {@code modelsDirOverride} when non-blank, else {@code inference/models} under {@code projectRoot}. */
    public static ModelLocator withOverride(Path projectRoot, String modelsDirOverride) {
        if (modelsDirOverride != null && !modelsDirOverride.isBlank()) {
            return new ModelLocator(Path.of(modelsDirOverride));
        }
        return inProjectRoot(projectRoot);
    }

    /** The manifest {@code <modelsDir>/<name>.json}; fails naming the path and the manifests that do exist. */
    public Path manifest(String name) {
        Path manifest = modelsDir.resolve(name + MANIFEST_SUFFIX);
        if (!Files.isRegularFile(manifest)) {
            throw new ModelException("model manifest '" + name + "' not found: " + manifest.toAbsolutePath().normalize()
                    + " (models folder holds " + availableNames() + "; set -D" + MODELS_DIR_PROPERTY + " to use another folder)");
        }
        return manifest;
    }

    public Path defaultEncoderManifest() {
        return manifest(DEFAULT_ENCODER);
    }

    /** Manifests in the models folder, sorted by file name; empty if the folder does not exist. */
    public List<Path> manifests() {
        if (!Files.isDirectory(modelsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(modelsDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(MANIFEST_SUFFIX) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ModelException("cannot list models folder " + modelsDir.toAbsolutePath().normalize() + ": " + e.getMessage(), e);
        }
    }

    private List<String> availableNames() {
        return manifests().stream()
                .map(p -> p.getFileName().toString())
                .map(n -> n.substring(0, n.length() - MANIFEST_SUFFIX.length()))
                .toList();
    }
}
