package org.memnav.scenes.layout;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes scene JSON files (format {@value SceneLayout#FORMAT}, documented in
 * scenes/README.md): snake_case fields, every field required, unknown fields rejected so that a
 * typo is caught. Errors name the file and the field.
 */
public final class SceneFiles {

    private final ObjectMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final SceneValidator validator = new SceneValidator();
    private static final Pattern MISSING = Pattern.compile("Missing creator property '([^']+)'");

    public SceneLayout read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("scene file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scene file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a scene from a stream; {@code name} names it in errors (a path or a resource). */
    public SceneLayout parse(InputStream in, String name) throws IOException {
        SceneLayout layout;
        try {
            layout = json.readValue(in, SceneLayout.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("scene file " + name + " is not a valid scene: " + describe(e), e);
        }
        if (layout == null) {
            throw new IllegalArgumentException("scene file " + name + " is not a valid scene: it is empty");
        }
        String problem = validator.problem(layout);
        if (problem != null) {
            throw new IllegalArgumentException("scene file " + name + " is not a valid scene: " + problem);
        }
        return layout;
    }

    public String toJson(SceneLayout layout) {
        try {
            return json.writeValueAsString(layout) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise scene " + layout.sceneId(), e);
        }
    }

    public void write(SceneLayout layout, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, toJson(layout), StandardCharsets.UTF_8);
    }

    /** Jackson's message without its source dump, plus the JSON path of the field ("objects[3].width"). */
    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (for ");
        message = cut > 0 ? message.substring(0, cut) : message;
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            message = "required field '" + missing.group(1) + "' is missing";
        }
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return (path.isEmpty() ? "" : "field " + path + ": ") + message + where;
    }
}
