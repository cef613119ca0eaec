package org.memnav.inference.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JSON file that ships beside every {@code .onnx}: what the model is, its tensors, how to
 * feed it, and where its weights came from. Encoder fields (patch size to std) are null for
 * other kinds; {@link EncoderGeometry#of} checks them for encoders.
 */
public record ModelManifest(
        @JsonProperty("name") String name,
        @JsonProperty("file") String file,
        @JsonProperty("kind") String kind,
        @JsonProperty("inputs") List<TensorSpec> inputs,
        @JsonProperty("outputs") List<TensorSpec> outputs,
        @JsonProperty("patch_size") Integer patchSize,
        @JsonProperty("grid") List<Integer> grid,
        @JsonProperty("token_dim") Integer tokenDim,
        @JsonProperty("image_size") List<Integer> imageSize,
        @JsonProperty("mean") List<Double> mean,
        @JsonProperty("std") List<Double> std,
        @JsonProperty("parameters") Long parameters,
        @JsonProperty("training") TrainingProvenance training,
        @JsonProperty("sha256") String sha256) {

    public static final String ENCODER_KIND = "encoder";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    // Unknown fields are accepted: manifests of other kinds (compressor rate, policy vocab, ...)
    // carry fields that their own loaders read. ObjectReader is immutable, so sharing it is safe.
    private static final ObjectReader READER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .readerFor(ModelManifest.class);

    private static final ObjectMapper SECTION_READER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ModelManifest {
        inputs = readOnlyCopy(inputs);
        outputs = readOnlyCopy(outputs);
        grid = readOnlyCopy(grid);
        imageSize = readOnlyCopy(imageSize);
        mean = readOnlyCopy(mean);
        std = readOnlyCopy(std);
    }

    /** Unlike List.copyOf, keeps null elements, so that validation can name the field instead of a bare NPE. */
    private static <T> List<T> readOnlyCopy(List<T> values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Reads and validates the common fields; every error names {@code manifestPath} and the field. */
    public static ModelManifest read(Path manifestPath) {
        ModelManifest manifest;
        try {
            manifest = READER.readValue(Files.readAllBytes(manifestPath));
        } catch (NoSuchFileException e) {
            throw new ModelException("manifest not found: " + manifestPath.toAbsolutePath().normalize());
        } catch (JsonMappingException e) {
            throw ModelException.invalidManifest(manifestPath, fieldPath(e), "cannot be read: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ModelException("manifest " + manifestPath + " is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr(), e);
        } catch (IOException e) {
            throw new ModelException("manifest " + manifestPath + " cannot be read: " + e.getMessage(), e);
        }
        if (manifest == null) {
            throw new ModelException("manifest " + manifestPath + " is empty");
        }
        manifest.validate(manifestPath);
        return manifest;
    }

    /**
     * Reads the kind-specific section {@code field} of a manifest (e.g. a compressor's rate and grids)
     * into {@code type}; errors name the manifest and the field.
     */
    public static <T> T section(Path manifestPath, String field, Class<T> type) {
        try {
            var tree = SECTION_READER.readTree(Files.readAllBytes(manifestPath));
            var node = tree == null ? null : tree.get(field);
            if (node == null || node.isNull()) {
                throw ModelException.invalidManifest(manifestPath, field, "is missing");
            }
            return SECTION_READER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw ModelException.invalidManifest(manifestPath, field + "." + fieldPath(e), "cannot be read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ModelException("manifest " + manifestPath + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The model file, resolved against the manifest's folder (an absolute {@code file} is kept as is). */
    public Path modelFile(Path manifestPath) {
        Path folder = manifestPath.toAbsolutePath().getParent();
        return folder.resolve(file).normalize();
    }

    public boolean isEncoder() {
        return ENCODER_KIND.equals(kind);
    }

    private void validate(Path manifestPath) {
        requireText(manifestPath, "name", name);
        requireText(manifestPath, "file", file);
        requireText(manifestPath, "kind", kind);
        validateTensors(manifestPath, "inputs", inputs);
        validateTensors(manifestPath, "outputs", outputs);
        if (sha256 != null && !SHA256_HEX.matcher(sha256).matches()) {
            throw ModelException.invalidManifest(manifestPath, "sha256", "is not 64 lower-case hex digits");
        }
        if (parameters != null && parameters < 0) {
            throw ModelException.invalidManifest(manifestPath, "parameters", "is negative");
        }
    }

    private static void requireText(Path manifestPath, String field, String value) {
        if (value == null || value.isBlank()) {
            throw ModelException.invalidManifest(manifestPath, field, "is missing");
        }
    }

    private static void validateTensors(Path manifestPath, String field, List<TensorSpec> tensors) {
        if (tensors == null || tensors.isEmpty()) {
            throw ModelException.invalidManifest(manifestPath, field, "is missing or empty");
        }
        for (int i = 0; i < tensors.size(); i++) {
            TensorSpec tensor = tensors.get(i);
            if (tensor == null) {
                throw ModelException.invalidManifest(manifestPath, field + "[" + i + "]", "is null");
            }
            tensor.validate(manifestPath, field + "[" + i + "]");
        }
        long distinct = tensors.stream().map(TensorSpec::name).distinct().count();
        if (distinct != tensors.size()) {
            throw ModelException.invalidManifest(manifestPath, field, "names a tensor twice");
        }
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "(root)" : path;
    }
}
