package org.memnav.scenes.layout;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes scene JSON files (see scenes/README.md); errors name the file and the field. */
public final class SceneFiles {

    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public SceneLayout read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("scene file " + file + " does not exist");
        }
        try {
            return json.readValue(file.toFile(), SceneLayout.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("scene file " + file + " is not a valid scene: " + e.getOriginalMessage()
                    + " at " + e.getLocation(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scene file " + file + ": " + e.getMessage(), e);
        }
    }

    public String toJson(SceneLayout layout) {
        try {
            return json.writeValueAsString(layout);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise scene " + layout.sceneId(), e);
        }
    }

    public void write(SceneLayout layout, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, toJson(layout));
    }
}
