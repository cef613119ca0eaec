package org.memnav.inference.model;

/** Which execution provider a session runs on and why, for the UI and the run record. */
public record ProviderChoice(ExecutionProvider provider, String reason) {

    /** "CPU" or "CUDA". */
    public String label() {
        return provider.name();
    }

    @Override
    public String toString() {
        return label() + " (" + reason + ")";
    }
}
