package org.memnav.simbridge.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.Vec3;

/**
 * The one JSON configuration of the wire: snake_case field names of the api records, points as
 * {@code [x, y, z]} arrays, enums by their wire names, non-finite numbers as the bare tokens
 * {@code Infinity}/{@code NaN} that Python's json module reads and writes, every record field required.
 */
public final class WireJson {
    private final ObjectMapper mapper;

    public WireJson() {
        SimpleModule api = new SimpleModule("memnav-wire");
        api.addSerializer(Vec3.class, new Vec3Serializer());
        api.addDeserializer(Vec3.class, new Vec3Deserializer());
        addWireNamedEnum(api, Action.class, Action::wireName, Action::fromWireName);
        addWireNamedEnum(api, GoalModality.class, GoalModality::wireName, GoalModality::fromWireName);
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Newer minor versions may add fields; older readers skip them.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(api)
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** A value (api record or message record) as a JSON object node. */
    public ObjectNode toObject(Object value) {
        JsonNode node = mapper.valueToTree(value);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException(value.getClass().getSimpleName() + " does not map to a JSON object");
        }
        return object;
    }

    /** Maps a JSON node onto a record; {@code what} names it in the error ("step result"). */
    public <T> T fromTree(JsonNode node, Class<T> type, String what) throws ProtocolException {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, what + ": " + describe(e), 0, e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, what + ": " + e.getMessage(), 0, e);
        }
    }

    /** Parses a frame header: strict UTF-8, exactly one JSON object (trailing whitespace allowed). */
    public ObjectNode parseHeader(byte[] utf8) throws ProtocolException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "frame header is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "frame header is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "frame header must be a JSON object, got "
                    + (node == null || node.isMissingNode() ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
        return object;
    }

    public byte[] toBytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }

    /** Jackson's message without source locations, plus the field path ("status.subtask_index"). */
    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String message = e.getOriginalMessage();
        return path.isEmpty() ? message : message + " (at " + path + ")";
    }

    private static <E extends Enum<E>> void addWireNamedEnum(SimpleModule module, Class<E> type, Function<E, String> toWire,
                                                            Function<String, E> fromWire) {
        module.addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(toWire.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                    return ctxt.reportInputMismatch(type, "expected a %s name as a JSON string", type.getSimpleName());
                }
                try {
                    return fromWire.apply(p.getText());
                } catch (IllegalArgumentException e) {
                    return ctxt.reportInputMismatch(type, "%s", e.getMessage());
                }
            }
        });
    }

    private static final class Vec3Serializer extends JsonSerializer<Vec3> {
        @Override
        public void serialize(Vec3 v, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartArray(v, 3);
            gen.writeNumber(v.x());
            gen.writeNumber(v.y());
            gen.writeNumber(v.z());
            gen.writeEndArray();
        }
    }

    private static final class Vec3Deserializer extends JsonDeserializer<Vec3> {
        @Override
        public Vec3 deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            if (node.isArray() && node.size() == 3 && node.get(0).isNumber() && node.get(1).isNumber() && node.get(2).isNumber()) {
                return new Vec3(node.get(0).doubleValue(), node.get(1).doubleValue(), node.get(2).doubleValue());
            }
            return ctxt.reportInputMismatch(Vec3.class, "a point is a JSON array [x, y, z] of 3 numbers, got %s", node);
        }
    }
}
