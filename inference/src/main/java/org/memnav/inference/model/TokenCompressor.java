package org.memnav.inference.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a compressor ONNX model (AstraNav-Memory's head, one model per rate) on an encoder's patch
 * tokens. At load the manifest's rate and grids are checked against {@link CompressionGeometry} and
 * against the encoder it will be fed by, so a compressor built for another encoder or rate fails
 * with the model and field named before the first frame.
 */
public final class TokenCompressor implements AutoCloseable {

    public static final String KIND = "compressor";

    private final ModelSession model;
    private final CompressorSpec spec;
    private final CompressionGeometry geometry;
    private double lastLatencyMillis = Double.NaN;

    private TokenCompressor(ModelSession model, CompressorSpec spec, CompressionGeometry geometry) {
        this.model = model;
        this.spec = spec;
        this.geometry = geometry;
    }

    /** Opens the compressor of {@code manifestPath} for tokens from an encoder of {@code encoder}'s geometry. */
    public static TokenCompressor open(Path manifestPath, InferenceRuntime runtime, EncoderGeometry encoder) {
        ModelManifest manifest = ModelManifest.read(manifestPath);
        if (!KIND.equals(manifest.kind())) {
            throw ModelException.invalidManifest(manifestPath, "kind", "is '" + manifest.kind() + "', expected '" + KIND + "'");
        }
        CompressorSpec spec = ModelManifest.section(manifestPath, KIND, CompressorSpec.class);
        CompressionGeometry geometry = check(manifestPath, manifest, spec, encoder);
        return new TokenCompressor(ModelSession.open(manifestPath, manifest, runtime), spec, geometry);
    }

    private static CompressionGeometry check(Path path, ModelManifest manifest, CompressorSpec spec, EncoderGeometry encoder) {
        CompressionGeometry g;
        try {
            g = new CompressionGeometry(first(path, "compressor.input_grid", spec.inputGrid()), spec.inputGrid().get(1), spec.rate());
        } catch (IllegalArgumentException e) {
            throw ModelException.invalidManifest(path, "compressor.rate", e.getMessage());
        }
        if (g.blocks() != spec.blocks()) {
            throw ModelException.invalidManifest(path, "compressor.blocks", "is " + spec.blocks() + " but rate " + spec.rate() + " needs " + g.blocks());
        }
        if (!List.of(g.paddedRows(), g.paddedCols()).equals(spec.paddedGrid())) {
            throw ModelException.invalidManifest(path, "compressor.padded_grid", "is " + spec.paddedGrid() + ", the grid "
                    + spec.inputGrid() + " at rate " + spec.rate() + " pads to [" + g.paddedRows() + ", " + g.paddedCols() + "]");
        }
        if (!List.of(g.outputRows(), g.outputCols()).equals(spec.outputGrid())) {
            throw ModelException.invalidManifest(path, "compressor.output_grid", "is " + spec.outputGrid() + ", expected ["
                    + g.outputRows() + ", " + g.outputCols() + "]");
        }
        if (encoder.gridRows() != g.gridRows() || encoder.gridCols() != g.gridCols() || encoder.tokenDim() != spec.inputDim()) {
            throw new ModelException("compressor '" + manifest.name() + "' takes a " + spec.inputGrid() + " grid of " + spec.inputDim()
                    + "-d tokens, but the encoder gives " + encoder.gridRows() + "x" + encoder.gridCols() + " tokens of "
                    + encoder.tokenDim() + " (manifest " + path + ")");
        }
        requireShape(path, manifest.inputs(), "patch_tokens", new long[] {1, g.inputTokens(), spec.inputDim()});
        requireShape(path, manifest.outputs(), "tokens", new long[] {1, g.outputTokens(), spec.tokenDim()});
        requireShape(path, manifest.outputs(), "image_goal", new long[] {1, spec.goalDim()});
        return g;
    }

    private static int first(Path path, String field, List<Integer> pair) {
        if (pair == null || pair.size() != 2 || pair.contains(null)) {
            throw ModelException.invalidManifest(path, field, "is " + pair + ", expected [rows, cols]");
        }
        return pair.get(0);
    }

    private static void requireShape(Path path, List<TensorSpec> tensors, String name, long[] shape) {
        TensorSpec spec = tensors.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> ModelException.invalidManifest(path, "inputs/outputs", "has no tensor '" + name + "'"));
        if (!spec.acceptsShape(shape)) {
            throw ModelException.invalidManifest(path, name, "has shape " + spec.shape() + ", expected " + java.util.Arrays.toString(shape));
        }
    }

    public CompressedFrame compress(PatchTokens tokens) {
        if (tokens.gridRows() != geometry.gridRows() || tokens.gridCols() != geometry.gridCols() || tokens.dim() != spec.inputDim()) {
            throw new ModelException("compressor '" + name() + "' got a " + tokens + " grid, expects " + geometry.gridRows() + "x"
                    + geometry.gridCols() + "x" + spec.inputDim());
        }
        long started = System.nanoTime();
        Map<String, OutputTensor> out = model.run(List.of(InputTensor.floats("patch_tokens", tokens.data(), 1, geometry.inputTokens(),
                spec.inputDim())));
        lastLatencyMillis = (System.nanoTime() - started) / 1e6;
        PatchTokens compressed = new PatchTokens(geometry.outputRows(), geometry.outputCols(), spec.tokenDim(), out.get("tokens").values());
        return new CompressedFrame(compressed, out.get("image_goal").values(), spec.rate());
    }

    public CompressionGeometry geometry() {
        return geometry;
    }

    public CompressorSpec spec() {
        return spec;
    }

    public int rate() {
        return spec.rate();
    }

    public String name() {
        return model.manifest().name();
    }

    public double lastLatencyMillis() {
        return lastLatencyMillis;
    }

    public ProviderChoice provider() {
        return model.provider();
    }

    @Override
    public void close() {
        model.close();
    }
}
