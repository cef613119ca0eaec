package org.memnav.recordings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The JSON Schemas of the run channels, shipped as resources next to this class. */
final class RunSchemas {
    static final String ENCODING = "jsonschema";
    static final String CONFIG = "memnav.RunConfig";
    static final String POSE = "memnav.AgentPose";
    static final String ACTION = "memnav.AgentAction";
    static final String SUBTASK = "memnav.SubtaskEvent";
    static final String MEMORY_OPERATION = "memnav.MemoryOperation";
    static final String MEMORY_TIERS = "memnav.MemoryTiers";
    static final String DECISION = "memnav.PolicyDecision";
    static final String SUBTASK_METRICS = "memnav.SubtaskMetrics";

    private RunSchemas() {
    }

    /** The schema document for {@code name} (e.g. "memnav.AgentPose"). */
    static byte[] load(String name) {
        String resource = "schemas/" + name.substring(name.indexOf('.') + 1) + ".schema.json";
        try (InputStream in = RunSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " for schema " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }
}
