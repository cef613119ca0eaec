package org.memnav.inference.model;

import java.nio.file.Path;

/**
 * A model could not be loaded or produced unusable output. Unchecked: callers in the agent loop
 * cannot repair a broken model, they report it; the message always names the model or manifest
 * and the tensor or field at fault.
 */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    static ModelException invalidManifest(Path manifest, String field, String problem) {
        return new ModelException("manifest " + manifest + ": field '" + field + "' " + problem);
    }
}
