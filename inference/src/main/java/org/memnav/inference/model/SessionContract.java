package org.memnav.inference.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.TensorInfo.OnnxTensorType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks that a loaded ONNX graph has the inputs and outputs its manifest promises, so a swapped
 * in model that does not fit fails at load time with the tensor named, not mid-run.
 */
final class SessionContract {

    private static final Map<String, OnnxTensorType> ELEMENT_TYPES = Map.of(
            "float32", OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT,
            "float16", OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16,
            "float64", OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE,
            "int64", OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64,
            "int32", OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32,
            "int8", OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8,
            "uint8", OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8,
            "bool", OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL);

    private SessionContract() {
    }

    static void verify(OrtSession session, ModelManifest manifest, Path manifestPath, Path modelFile) {
        try {
            verify("input", session.getInputInfo(), manifest.inputs(), manifest, manifestPath, modelFile);
            verify("output", session.getOutputInfo(), manifest.outputs(), manifest, manifestPath, modelFile);
        } catch (OrtException e) {
            throw new ModelException("model '" + manifest.name() + "': cannot read tensor info from " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private static void verify(String role, Map<String, NodeInfo> actual, List<TensorSpec> declared,
                               ModelManifest manifest, Path manifestPath, Path modelFile) {
        TreeSet<String> declaredNames = new TreeSet<>(declared.stream().map(TensorSpec::name).toList());
        if (!declaredNames.equals(new TreeSet<>(actual.keySet()))) {
            throw mismatch(manifest, manifestPath, modelFile, role + "s",
                    "the ONNX file has " + new TreeSet<>(actual.keySet()) + ", the manifest declares " + declaredNames);
        }
        for (TensorSpec spec : declared) {
            if (!(actual.get(spec.name()).getInfo() instanceof TensorInfo info)) {
                throw mismatch(manifest, manifestPath, modelFile, role + " '" + spec.name() + "'", "is not a tensor in the ONNX file");
            }
            if (ELEMENT_TYPES.get(spec.dtype()) != info.onnxType) {
                throw mismatch(manifest, manifestPath, modelFile, role + " '" + spec.name() + "'",
                        "has element type " + info.onnxType + " in the ONNX file but " + spec.dtype() + " in the manifest");
            }
            if (!spec.acceptsShape(info.getShape())) {
                throw mismatch(manifest, manifestPath, modelFile, role + " '" + spec.name() + "'",
                        "has shape " + Arrays.toString(info.getShape()) + " in the ONNX file but " + spec.shape() + " in the manifest");
            }
        }
    }

    private static ModelException mismatch(ModelManifest manifest, Path manifestPath, Path modelFile, String what, String detail) {
        return new ModelException("model '" + manifest.name() + "' (" + modelFile + ") does not match manifest "
                + manifestPath + ": " + what + " " + detail);
    }
}
