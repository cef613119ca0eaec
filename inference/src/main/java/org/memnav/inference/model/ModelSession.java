package org.memnav.inference.model;

import ai.onnxruntime.OrtSession;

import java.nio.file.Path;

/**
 * A model opened from its manifest: the manifest read and validated, the .onnx found and its
 * sha256 checked, the session started on the chosen provider, and the graph's inputs and outputs
 * checked against the manifest. Any kind of model; {@link PatchEncoder} builds on it.
 */
public final class ModelSession implements AutoCloseable {

    private final Path manifestPath;
    private final ModelManifest manifest;
    private final Path modelFile;
    private final LoadedSession loaded;

    private ModelSession(Path manifestPath, ModelManifest manifest, Path modelFile, LoadedSession loaded) {
        this.manifestPath = manifestPath;
        this.manifest = manifest;
        this.modelFile = modelFile;
        this.loaded = loaded;
    }

    public static ModelSession open(Path manifestPath, InferenceRuntime runtime) {
        return open(manifestPath, ModelManifest.read(manifestPath), runtime);
    }

    /** Opens a manifest already read (and perhaps checked further) by the caller. */
    public static ModelSession open(Path manifestPath, ModelManifest manifest, InferenceRuntime runtime) {
        Path modelFile = ModelFile.locate(manifest, manifestPath);
        LoadedSession loaded = runtime.open(modelFile, manifest.name());
        try {
            SessionContract.verify(loaded.session(), manifest, manifestPath, modelFile);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        return new ModelSession(manifestPath, manifest, modelFile, loaded);
    }

    public Path manifestPath() {
        return manifestPath;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Path modelFile() {
        return modelFile;
    }

    public OrtSession session() {
        return loaded.session();
    }

    public ProviderChoice provider() {
        return loaded.provider();
    }

    @Override
    public void close() {
        loaded.close();
    }
}
