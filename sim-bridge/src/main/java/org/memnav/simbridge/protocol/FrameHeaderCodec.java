package org.memnav.simbridge.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON header of a frame: builds it from a {@link Frame} plus blob layout, and reads it back,
 * checking every field and the blob table against the payload length.
 */
final class FrameHeaderCodec {

    /** The header fields once checked; {@code body} is params or result depending on the frame type. */
    record Header(long id, String method, ObjectNode body, WireError error, List<BlobDescriptor> blobs) {
    }

    private FrameHeaderCodec() {
    }

    static ObjectNode encode(Frame frame, List<BlobDescriptor> layout) {
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        h.put("id", frame.id());
        if (frame.method() != null) {
            h.put("method", frame.method());
        }
        switch (frame.type()) {
            case REQUEST, EVENT -> h.set("params", frame.body());
            case RESPONSE -> h.set("result", frame.body());
            case ERROR -> h.putObject("error").put("code", frame.error().code()).put("message", frame.error().message());
        }
        ArrayNode table = h.putArray("blobs");
        for (BlobDescriptor d : layout) {
            ObjectNode row = table.addObject();
            row.put("name", d.name());
            row.put("dtype", d.dtype().numpyName());
            ArrayNode shape = row.putArray("shape");
            for (long dim : d.shape()) {
                shape.add(dim);
            }
            row.put("offset", d.offset());
            row.put("nbytes", d.nbytes());
        }
        return h;
    }

    static Header decode(ObjectNode h, FrameType type, long payloadLength) throws ProtocolException {
        long id = readId(h);
        try {
            String method = optionalText(h, "method");
            if ((type == FrameType.REQUEST || type == FrameType.EVENT) && (method == null || method.isEmpty())) {
                throw bad(type + " frame header needs a non-empty string 'method'");
            }
            ObjectNode body = switch (type) {
                case REQUEST, EVENT -> optionalObject(h, "params");
                case RESPONSE -> optionalObject(h, "result");
                case ERROR -> null;
            };
            WireError error = type == FrameType.ERROR ? readError(h) : null;
            List<BlobDescriptor> blobs = readBlobTable(h.get("blobs"), payloadLength);
            return new Header(id, method, body, error, blobs);
        } catch (ProtocolException e) {
            throw e.forRequest(id);
        }
    }

    private static long readId(ObjectNode h) throws ProtocolException {
        JsonNode id = h.get("id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() < 0) {
            throw bad("frame header needs 'id', a non-negative integer, got " + (id == null ? "nothing" : id));
        }
        return id.longValue();
    }

    private static WireError readError(ObjectNode h) throws ProtocolException {
        JsonNode e = h.get("error");
        if (e == null || !e.isObject() || !e.path("code").isTextual()) {
            throw bad("ERROR frame header needs 'error': {\"code\": string, \"message\": string}");
        }
        JsonNode message = e.path("message");
        return new WireError(e.get("code").textValue(), message.isTextual() ? message.textValue() : "");
    }

    private static List<BlobDescriptor> readBlobTable(JsonNode table, long payloadLength) throws ProtocolException {
        if (table == null || table.isNull()) {
            return List.of();
        }
        if (!table.isArray()) {
            throw bad("'blobs' must be an array");
        }
        List<BlobDescriptor> blobs = new ArrayList<>(table.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < table.size(); i++) {
            BlobDescriptor d = readBlob(table.get(i), i, payloadLength);
            if (!names.add(d.name())) {
                throw bad("blob table names '" + d.name() + "' twice");
            }
            blobs.add(d);
        }
        List<BlobDescriptor> byOffset = new ArrayList<>(blobs);
        byOffset.sort(Comparator.comparingLong(BlobDescriptor::offset));
        for (int i = 1; i < byOffset.size(); i++) {
            BlobDescriptor prev = byOffset.get(i - 1);
            BlobDescriptor next = byOffset.get(i);
            if (next.offset() < prev.end()) {
                throw bad("blobs '" + prev.name() + "' and '" + next.name() + "' overlap in the payload");
            }
        }
        return List.copyOf(blobs);
    }

    private static BlobDescriptor readBlob(JsonNode row, int index, long payloadLength) throws ProtocolException {
        if (row == null || !row.isObject()) {
            throw bad("blobs[" + index + "] must be an object");
        }
        JsonNode nameNode = row.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isEmpty()) {
            throw bad("blobs[" + index + "] needs a non-empty string 'name'");
        }
        String name = nameNode.textValue();
        String where = "blob '" + name + "'";
        JsonNode dtypeNode = row.get("dtype");
        Dtype dtype = dtypeNode != null && dtypeNode.isTextual() ? Dtype.fromNumpyName(dtypeNode.textValue()) : null;
        if (dtype == null) {
            throw bad(where + ": unknown dtype " + dtypeNode + "; expected a numpy name such as \"uint8\", \"float32\", \"int32\"");
        }
        JsonNode shapeNode = row.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw bad(where + ": 'shape' must be an array of non-negative integers");
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode dim = shapeNode.get(i);
            if (!dim.isIntegralNumber() || !dim.canConvertToLong() || dim.longValue() < 0) {
                throw bad(where + ": 'shape' must be an array of non-negative integers, got " + shapeNode);
            }
            shape[i] = dim.longValue();
        }
        long offset = nonNegativeLong(row, "offset", where);
        long nbytes = nonNegativeLong(row, "nbytes", where);
        long expected;
        try {
            expected = Blob.byteCount(dtype, shape);
        } catch (ArithmeticException e) {
            throw bad(where + ": shape " + shapeNode + " is too large");
        }
        if (nbytes != expected) {
            throw bad(where + ": nbytes " + nbytes + " does not match " + dtype.numpyName() + " " + shapeNode
                    + " (" + expected + " bytes = product(shape) x itemsize " + dtype.itemSize() + ")");
        }
        if (offset > payloadLength || nbytes > payloadLength - offset) {
            throw bad(where + ": bytes " + offset + ".." + (offset + nbytes) + " lie outside the payload of "
                    + payloadLength + " bytes");
        }
        return new BlobDescriptor(name, dtype, shape, offset, nbytes);
    }

    private static long nonNegativeLong(JsonNode row, String field, String where) throws ProtocolException {
        JsonNode n = row.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw bad(where + ": '" + field + "' must be a non-negative integer, got " + (n == null ? "nothing" : n));
        }
        return n.longValue();
    }

    private static String optionalText(ObjectNode h, String field) throws ProtocolException {
        JsonNode n = h.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw bad("'" + field + "' must be a string");
        }
        return n.textValue();
    }

    private static ObjectNode optionalObject(ObjectNode h, String field) throws ProtocolException {
        JsonNode n = h.get(field);
        if (n == null || n.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!(n instanceof ObjectNode object)) {
            throw bad("'" + field + "' must be a JSON object");
        }
        return object;
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorCode.BAD_FRAME, message);
    }
}
