package org.memnav.simbridge.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One protocol frame as a program sees it. {@code body} is the header's {@code params} (REQUEST,
 * EVENT) or {@code result} (RESPONSE), an empty object for ERROR frames; {@code error} is set only
 * on ERROR frames. {@code id} 0 on an ERROR frame means a connection-level error not tied to a request.
 */
public record Frame(FrameType type, long id, String method, ObjectNode body, WireError error, List<Blob> blobs) {

    public Frame {
        Objects.requireNonNull(type, "type");
        if (id < 0) {
            throw new IllegalArgumentException("frame id must be >= 0, got " + id);
        }
        body = body == null ? JsonNodeFactory.instance.objectNode() : body;
        blobs = List.copyOf(blobs);
        if ((type == FrameType.ERROR) != (error != null)) {
            throw new IllegalArgumentException("an error object belongs on ERROR frames and only there");
        }
        if ((type == FrameType.REQUEST || type == FrameType.EVENT) && (method == null || method.isEmpty())) {
            throw new IllegalArgumentException(type + " frames need a method");
        }
        Set<String> names = new HashSet<>();
        for (Blob b : blobs) {
            if (!names.add(b.name())) {
                throw new IllegalArgumentException("duplicate blob name '" + b.name() + "'");
            }
        }
    }

    public static Frame request(long id, String method, ObjectNode params, List<Blob> blobs) {
        return new Frame(FrameType.REQUEST, id, method, params, null, blobs);
    }

    public static Frame response(long id, String method, ObjectNode result, List<Blob> blobs) {
        return new Frame(FrameType.RESPONSE, id, method, result, null, blobs);
    }

    public static Frame error(long id, String method, WireError error) {
        return new Frame(FrameType.ERROR, id, method, null, error, List.of());
    }

    public Optional<Blob> blob(String name) {
        for (Blob b : blobs) {
            if (b.name().equals(name)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The body field, or a missing node; convenient for peeking without mapping to a record. */
    public JsonNode field(String name) {
        return body.path(name);
    }
}
