package org.memnav.inference.model;

import java.nio.file.Path;
import java.util.List;

/**
 * How an encoder sees a frame: the image size it takes, its patch size, the token grid it
 * returns and the width of a token. Built from a manifest and checked for consistency there,
 * so that the rest of the pipeline can trust it.
 */
public record EncoderGeometry(int imageHeight, int imageWidth, int patchSize, int gridRows, int gridCols, int tokenDim) {

    public EncoderGeometry {
        if (imageHeight <= 0 || imageWidth <= 0 || patchSize <= 0 || gridRows <= 0 || gridCols <= 0 || tokenDim <= 0) {
            throw new IllegalArgumentException("encoder geometry needs positive sizes");
        }
    }

    public int tokenCount() {
        return gridRows * gridCols;
    }

    /** Checks the encoder fields of {@code manifest}; errors name {@code manifestPath} and the field. */
    public static EncoderGeometry of(ModelManifest manifest, Path manifestPath) {
        if (!manifest.isEncoder()) {
            throw ModelException.invalidManifest(manifestPath, "kind", "is '" + manifest.kind() + "', expected '" + ModelManifest.ENCODER_KIND + "'");
        }
        int patch = positive(manifestPath, "patch_size", manifest.patchSize());
        List<Integer> grid = pair(manifestPath, "grid", manifest.grid());
        List<Integer> image = pair(manifestPath, "image_size", manifest.imageSize());
        int dim = positive(manifestPath, "token_dim", manifest.tokenDim());
        if (image.get(0) != grid.get(0) * patch || image.get(1) != grid.get(1) * patch) {
            throw ModelException.invalidManifest(manifestPath, "grid",
                    "is " + grid + " but image_size " + image + " / patch_size " + patch + " gives ["
                            + image.get(0) / patch + ", " + image.get(1) / patch + "]");
        }
        requireChannelStats(manifestPath, "mean", manifest.mean(), false);
        requireChannelStats(manifestPath, "std", manifest.std(), true);
        EncoderGeometry geometry = new EncoderGeometry(image.get(0), image.get(1), patch, grid.get(0), grid.get(1), dim);
        geometry.requireTensorShapes(manifest, manifestPath);
        return geometry;
    }

    /** One input [N, 3, H, W] and one output [N, rows*cols, dim], where the manifest gives fixed sizes. */
    private void requireTensorShapes(ModelManifest manifest, Path manifestPath) {
        if (manifest.inputs().size() != 1 || manifest.outputs().size() != 1) {
            throw ModelException.invalidManifest(manifestPath, "inputs/outputs", "must hold exactly one tensor each for an encoder");
        }
        TensorSpec input = manifest.inputs().get(0);
        if (!"float32".equals(input.dtype()) || !input.acceptsShape(new long[] {1, 3, imageHeight, imageWidth})) {
            throw ModelException.invalidManifest(manifestPath, "inputs[0]",
                    "('" + input.name() + "') is " + input.dtype() + " " + input.shape() + ", expected float32 [1, 3, "
                            + imageHeight + ", " + imageWidth + "] from image_size");
        }
        TensorSpec output = manifest.outputs().get(0);
        if (!"float32".equals(output.dtype()) || !output.acceptsShape(new long[] {1, tokenCount(), tokenDim})) {
            throw ModelException.invalidManifest(manifestPath, "outputs[0]",
                    "('" + output.name() + "') is " + output.dtype() + " " + output.shape() + ", expected float32 [1, "
                            + tokenCount() + ", " + tokenDim + "] from grid and token_dim");
        }
    }

    private static int positive(Path manifestPath, String field, Integer value) {
        if (value == null || value <= 0) {
            throw ModelException.invalidManifest(manifestPath, field, value == null ? "is missing" : "is " + value + ", expected > 0");
        }
        return value;
    }

    private static List<Integer> pair(Path manifestPath, String field, List<Integer> values) {
        if (values == null || values.size() != 2 || values.contains(null) || values.get(0) <= 0 || values.get(1) <= 0) {
            throw ModelException.invalidManifest(manifestPath, field, "is " + values + ", expected [rows, cols] > 0");
        }
        return values;
    }

    private static void requireChannelStats(Path manifestPath, String field, List<Double> values, boolean strictlyPositive) {
        if (values == null || values.size() != 3 || values.contains(null)) {
            throw ModelException.invalidManifest(manifestPath, field, "is " + values + ", expected 3 values (R, G, B)");
        }
        for (double value : values) {
            if (!Double.isFinite(value) || (strictlyPositive && value <= 0)) {
                throw ModelException.invalidManifest(manifestPath, field, "is " + values + ", expected finite" + (strictlyPositive ? " values > 0" : " values"));
            }
        }
    }
}
