package org.memnav.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine-readable half of a report: one JSON object printed as the last line, keys in
 * snake_case with the unit in the key ({@code seek_p99_ms}, {@code steps_per_s}).
 */
public final class JsonReport {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public JsonReport put(String key, Object value) {
        fields.put(key, value instanceof Double d ? round(d) : value);
        return this;
    }

    public void printTo(PrintWriter out) {
        out.println(toJson());
        out.flush();
    }

    /** The object on one line. */
    public String toJson() {
        ObjectNode node = new ObjectMapper().valueToTree(fields);
        return node.toString();
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }
}
