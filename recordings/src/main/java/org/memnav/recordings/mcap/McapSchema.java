package org.memnav.recordings.mcap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A Schema record: how messages of the channels that reference {@code id} are structured. */
public record McapSchema(int id, String name, String encoding, byte[] data) {

    public McapSchema {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The schema data as UTF-8 text (JSON Schema, ros2msg...). */
    public String dataAsText() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof McapSchema s && s.id == id && s.name.equals(name) && s.encoding.equals(encoding)
                && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return ((id * 31 + name.hashCode()) * 31 + encoding.hashCode()) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "McapSchema[id=" + id + ", name=" + name + ", encoding=" + encoding + ", " + data.length + " bytes]";
    }
}
