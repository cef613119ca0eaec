package org.memnav.inference.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** An open ONNX Runtime session together with the provider it ended up on. Closing closes the session. */
public record LoadedSession(OrtSession session, ProviderChoice provider) implements AutoCloseable {

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new ModelException("closing ONNX session failed: " + e.getMessage(), e);
        }
    }
}
