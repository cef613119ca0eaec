package org.memnav.inference.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Runs the model on {@code inputs} and returns every output the manifest declares, in its order,
     * each checked against the manifest's shape (fixed dimensions must match) and for NaN/Inf, so a
     * broken model stops the pipeline with the model and tensor named.
     */
    public Map<String, OutputTensor> run(List<InputTensor> inputs) {
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            for (InputTensor input : inputs) {
                feed.put(input.name(), input.floats() != null
                        ? OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(input.floats()), input.shape())
                        : OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), LongBuffer.wrap(input.longs()), input.shape()));
            }
            try (OrtSession.Result result = loaded.session().run(feed)) {
                Map<String, OutputTensor> out = new LinkedHashMap<>();
                for (TensorSpec spec : manifest.outputs()) {
                    OnnxValue value = result.get(spec.name()).orElseThrow(() -> new ModelException(
                            "model '" + manifest.name() + "': output '" + spec.name() + "' missing from the result"));
                    if (!(value instanceof OnnxTensor tensor)) {
                        throw new ModelException("model '" + manifest.name() + "': output '" + spec.name() + "' is not a tensor");
                    }
                    long[] shape = tensor.getInfo().getShape();
                    if (!spec.acceptsShape(shape)) {
                        throw new ModelException("model '" + manifest.name() + "': output '" + spec.name() + "' has shape "
                                + Arrays.toString(shape) + ", the manifest declares " + spec.shape());
                    }
                    FloatBuffer buffer = tensor.getFloatBuffer();
                    float[] values = new float[buffer.remaining()];
                    buffer.get(values);
                    FiniteValues.require(manifest.name(), spec.name(), values);
                    out.put(spec.name(), new OutputTensor(spec.name(), shape, values));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new ModelException("model '" + manifest.name() + "': inference failed: " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : feed.values()) {
                t.close();
            }
        }
    }

    /** The kind-specific section of this model's manifest (e.g. "compressor"), see {@link ModelManifest#section}. */
    public <T> T section(String field, Class<T> type) {
        return ModelManifest.section(manifestPath, field, type);
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
