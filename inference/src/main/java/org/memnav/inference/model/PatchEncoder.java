package org.memnav.inference.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.memnav.simbridge.api.RgbImage;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Runs an image encoder ONNX model (e.g. the shipped {@code encoder_vit_tiny}, or a researcher's
 * own export described by a manifest) on RGB frames and returns the patch-token grid.
 *
 * <p>Use from one thread at a time: {@link #lastLatencyMillis()} describes the latest call.
 */
public final class PatchEncoder implements AutoCloseable {

    private final ModelSession model;
    private final EncoderGeometry geometry;
    private final RgbPreprocessor preprocessor;
    private final OrtEnvironment environment;
    private final String inputName;
    private final String outputName;
    private double lastLatencyMillis = Double.NaN;

    private PatchEncoder(ModelSession model, EncoderGeometry geometry, OrtEnvironment environment) {
        this.model = model;
        this.geometry = geometry;
        this.preprocessor = RgbPreprocessor.forEncoder(geometry, model.manifest());
        this.environment = environment;
        this.inputName = model.manifest().inputs().get(0).name();
        this.outputName = model.manifest().outputs().get(0).name();
    }

    /** Loads the encoder described by {@code manifestPath}; its .onnx is resolved next to the manifest. */
    public static PatchEncoder open(Path manifestPath, InferenceRuntime runtime) {
        ModelManifest manifest = ModelManifest.read(manifestPath);
        EncoderGeometry geometry = EncoderGeometry.of(manifest, manifestPath);
        ModelSession model = ModelSession.open(manifestPath, manifest, runtime);
        return new PatchEncoder(model, geometry, runtime.environment());
    }

    /** Preprocesses {@code image} (resizing it if needed), runs the model and checks the output. */
    public PatchTokens encode(RgbImage image) {
        long started = System.nanoTime();
        float[] input = preprocessor.toChw(image);
        float[] tokens = run(input);
        lastLatencyMillis = (System.nanoTime() - started) / 1e6;
        FiniteValues.require(name(), outputName, tokens);
        return new PatchTokens(geometry.gridRows(), geometry.gridCols(), geometry.tokenDim(), tokens);
    }

    private float[] run(float[] input) {
        long[] inputShape = {1, 3, geometry.imageHeight(), geometry.imageWidth()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), inputShape);
             OrtSession.Result result = model.session().run(Map.of(inputName, tensor), Set.of(outputName))) {
            OnnxValue value = result.get(0);
            if (!(value instanceof OnnxTensor output)) {
                throw new ModelException("model '" + name() + "': output '" + outputName + "' is not a tensor");
            }
            long[] shape = output.getInfo().getShape();
            long[] expected = {1, geometry.tokenCount(), geometry.tokenDim()};
            if (!Arrays.equals(shape, expected)) {
                throw new ModelException("model '" + name() + "': output '" + outputName + "' has shape "
                        + Arrays.toString(shape) + ", expected " + Arrays.toString(expected));
            }
            float[] tokens = new float[geometry.tokenCount() * geometry.tokenDim()];
            output.getFloatBuffer().get(tokens);
            return tokens;
        } catch (OrtException e) {
            throw new ModelException("model '" + name() + "': inference failed: " + e.getMessage(), e);
        }
    }

    /** Wall time of the latest {@link #encode} (preprocessing + inference + output copy), NaN before the first. */
    public double lastLatencyMillis() {
        return lastLatencyMillis;
    }

    public String name() {
        return model.manifest().name();
    }

    public EncoderGeometry geometry() {
        return geometry;
    }

    public ModelManifest manifest() {
        return model.manifest();
    }

    public Path manifestPath() {
        return model.manifestPath();
    }

    public ProviderChoice provider() {
        return model.provider();
    }

    @Override
    public void close() {
        model.close();
    }
}
