package org.memnav.inference.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

import java.nio.file.Path;
import java.util.Set;

/**
 * Opens ONNX Runtime sessions on the best execution provider available at run time: CUDA when
 * the loaded onnxruntime build offers it and the device initialises, else CPU.
 *
 * <p>The project depends on the CPU artifact ({@code com.microsoft.onnxruntime:onnxruntime}),
 * and our CI machines have no GPU, so the CUDA branch is not exercised there; using it needs
 * the {@code onnxruntime_gpu} artifact (a Maven profile can select it later) plus CUDA 12 and
 * cuDNN 9 on the host.
 */
public final class InferenceRuntime {

    private final OrtEnvironment environment;
    private final RuntimeSettings settings;
    private final Set<OrtProvider> availableProviders;

    public InferenceRuntime(RuntimeSettings settings) {
        // The environment is ONNX Runtime's process-wide singleton; it is never closed here.
        this.environment = OrtEnvironment.getEnvironment();
        this.settings = settings;
        this.availableProviders = Set.copyOf(OrtEnvironment.getAvailableProviders());
    }

    public InferenceRuntime() {
        this(RuntimeSettings.defaults());
    }

    public OrtEnvironment environment() {
        return environment;
    }

    public RuntimeSettings settings() {
        return settings;
    }

    /** The provider a session would be tried on first, and why, before any device is touched. */
    public ProviderChoice preferredProvider() {
        return preferredProvider(availableProviders, settings.allowCuda());
    }

    static ProviderChoice preferredProvider(Set<OrtProvider> available, boolean allowCuda) {
        if (!allowCuda) {
            return new ProviderChoice(ExecutionProvider.CPU, "CUDA disabled in runtime settings");
        }
        if (!available.contains(OrtProvider.CUDA)) {
            return new ProviderChoice(ExecutionProvider.CPU, "this onnxruntime build offers no CUDA provider (available: "
                    + available.stream().map(Enum::name).sorted().toList() + ")");
        }
        return new ProviderChoice(ExecutionProvider.CUDA, "CUDA provider available");
    }

    /**
     * Opens {@code modelFile}. If CUDA is preferred but cannot be attached or the session fails to
     * start on it, falls back to CPU and says so in the returned choice.
     */
    public LoadedSession open(Path modelFile, String modelName) {
        ProviderChoice preferred = preferredProvider();
        if (preferred.provider() == ExecutionProvider.CUDA) {
            try {
                return new LoadedSession(createSession(modelFile, true),
                        new ProviderChoice(ExecutionProvider.CUDA, "CUDA provider available, device " + settings.cudaDevice() + " initialised"));
            } catch (OrtException e) {
                String reason = "CUDA provider available but device " + settings.cudaDevice() + " failed: " + e.getMessage();
                return new LoadedSession(createCpuSession(modelFile, modelName), new ProviderChoice(ExecutionProvider.CPU, reason));
            }
        }
        return new LoadedSession(createCpuSession(modelFile, modelName), preferred);
    }

    private OrtSession createCpuSession(Path modelFile, String modelName) {
        try {
            return createSession(modelFile, false);
        } catch (OrtException e) {
            throw new ModelException("model '" + modelName + "': ONNX Runtime cannot load " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private OrtSession createSession(Path modelFile, boolean cuda) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (cuda) {
                options.addCUDA(settings.cudaDevice());
            }
            // Options may be released once the session exists: ONNX Runtime copies what it needs.
            return environment.createSession(modelFile.toString(), options);
        }
    }
}
