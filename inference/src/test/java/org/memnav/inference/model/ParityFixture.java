package org.memnav.inference.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PyTorch reference written by the training scripts (model_export.write_parity_fixture): fixed
 * inputs and the outputs PyTorch computed for them, as raw little-endian tensors.
 */
record ParityFixture(String model, String modelSha256, List<InputTensor> inputs, Map<String, float[]> outputs,
                     Map<String, long[]> outputShapes) {

    static ParityFixture read(String name) throws IOException {
        Path index = TestModels.fixture(name + ".parity.json");
        JsonNode root = new ObjectMapper().readTree(index.toFile());
        List<InputTensor> inputs = new ArrayList<>();
        for (JsonNode t : root.get("inputs")) {
            long[] shape = shape(t);
            ByteBuffer data = bytes(index.getParent().resolve(t.get("file").asText()));
            if ("int64".equals(t.get("dtype").asText())) {
                long[] values = new long[data.remaining() / 8];
                data.asLongBuffer().get(values);
                inputs.add(InputTensor.longs(t.get("name").asText(), values, shape));
            } else {
                float[] values = new float[data.remaining() / 4];
                data.asFloatBuffer().get(values);
                inputs.add(InputTensor.floats(t.get("name").asText(), values, shape));
            }
        }
        Map<String, float[]> outputs = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (JsonNode t : root.get("outputs")) {
            ByteBuffer data = bytes(index.getParent().resolve(t.get("file").asText()));
            float[] values = new float[data.remaining() / 4];
            data.asFloatBuffer().get(values);
            outputs.put(t.get("name").asText(), values);
            shapes.put(t.get("name").asText(), shape(t));
        }
        return new ParityFixture(root.get("model").asText(), root.get("model_sha256").asText(), inputs, outputs, shapes);
    }

    private static long[] shape(JsonNode t) {
        long[] shape = new long[t.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = t.get("shape").get(i).asLong();
        }
        return shape;
    }

    private static ByteBuffer bytes(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
