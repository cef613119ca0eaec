package org.memnav.inference.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** One named model input or output as the manifest declares it; a shape entry of -1 is dynamic. */
public record TensorSpec(
        @JsonProperty("name") String name,
        @JsonProperty("dtype") String dtype,
        @JsonProperty("shape") List<Long> shape) {

    public static final long DYNAMIC = -1;

    /** The numpy spellings a manifest may use; they map onto ONNX element types in {@link SessionContract}. */
    public static final Set<String> DTYPES = Set.of("float32", "float16", "float64", "int64", "int32", "int8", "uint8", "bool");

    public TensorSpec {
        shape = shape == null ? null : Collections.unmodifiableList(new ArrayList<>(shape));
    }

    /** Equal rank and every dimension equal, or dynamic on either side. */
    public boolean acceptsShape(long[] actual) {
        if (actual.length != shape.size()) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            long declared = shape.get(i);
            if (declared != DYNAMIC && actual[i] != DYNAMIC && declared != actual[i]) {
                return false;
            }
        }
        return true;
    }

    void validate(Path manifest, String field) {
        if (name == null || name.isBlank()) {
            throw ModelException.invalidManifest(manifest, field + ".name", "is missing");
        }
        if (dtype == null || !DTYPES.contains(dtype)) {
            throw ModelException.invalidManifest(manifest, field + ".dtype",
                    "is '" + dtype + "', expected one of " + DTYPES.stream().sorted().toList());
        }
        if (shape == null || shape.isEmpty()) {
            throw ModelException.invalidManifest(manifest, field + ".shape", "is missing or empty");
        }
        for (int i = 0; i < shape.size(); i++) {
            Long dim = shape.get(i);
            if (dim == null) {
                throw ModelException.invalidManifest(manifest, field + ".shape[" + i + "]", "is null");
            }
            if (dim <= 0 && dim != DYNAMIC) {
                throw ModelException.invalidManifest(manifest, field + ".shape[" + i + "]", "is " + dim + ", expected > 0 or -1");
            }
        }
    }
}
