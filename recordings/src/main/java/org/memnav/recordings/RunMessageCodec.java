package org.memnav.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON bodies of the run channels, built and read field by field so the wire form is exactly what the
 * JSON Schemas in resources/schemas say (no reflective mapping that could drift from them).
 */
final class RunMessageCodec {
    private final ObjectMapper json = new ObjectMapper();

    /** The config message also carries the timeline, so a reader can map log times back to steps. */
    record ConfigMessage(RunConfig config, RunTimeline timeline) {
    }

    byte[] encodeConfig(RunConfig config, RunTimeline timeline) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("seed", config.seed());
        root.put("sceneId", config.sceneId());
        root.put("episodeId", config.episodeId());
        var goals = root.putArray("goals");
        for (Goal goal : config.goals()) {
            goals.add(goalNode(goal));
        }
        ObjectNode models = root.putObject("models");
        new TreeMap<>(config.models()).forEach(models::put);
        root.put("executionProvider", config.executionProvider());
        ObjectNode settings = root.putObject("settings");
        new TreeMap<>(config.settings()).forEach(settings::put);
        root.put("startTimeNs", timeline.startTimeNs());
        root.put("stepPeriodNs", timeline.stepPeriodNs());
        return json.writeValueAsBytes(root);
    }

    ConfigMessage decodeConfig(byte[] data) throws IOException {
        JsonNode root = json.readTree(data);
        List<Goal> goals = new ArrayList<>();
        for (JsonNode goal : required(root, "goals")) {
            goals.add(goal(goal));
        }
        RunConfig config = new RunConfig(required(root, "seed").asLong(), text(root, "sceneId"), text(root, "episodeId"),
                goals, stringMap(required(root, "models")), text(root, "executionProvider"),
                stringMap(required(root, "settings")));
        RunTimeline timeline = new RunTimeline(required(root, "startTimeNs").asLong(), required(root, "stepPeriodNs").asLong());
        return new ConfigMessage(config, timeline);
    }

    byte[] encodePose(int step, Pose pose, boolean collided) throws IOException {
        Vec3 p = pose.position();
        for (double v : new double[] {p.x(), p.y(), p.z(), pose.yaw()}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("pose at step " + step + " is not finite: " + pose);
            }
        }
        ObjectNode root = json.createObjectNode();
        root.put("step", step);
        root.put("x", p.x());
        root.put("y", p.y());
        root.put("z", p.z());
        root.put("yaw", pose.yaw());
        root.put("collided", collided);
        return json.writeValueAsBytes(root);
    }

    PoseSample decodePose(byte[] data, long logTimeNs) throws IOException {
        JsonNode root = json.readTree(data);
        Pose pose = new Pose(new Vec3(number(root, "x"), number(root, "y"), number(root, "z")), number(root, "yaw"));
        return new PoseSample(required(root, "step").asInt(), logTimeNs, pose, required(root, "collided").asBoolean());
    }

    byte[] encodeAction(int step, Action action) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("step", step);
        root.put("action", action.wireName());
        return json.writeValueAsBytes(root);
    }

    ActionSample decodeAction(byte[] data, long logTimeNs) throws IOException {
        JsonNode root = json.readTree(data);
        try {
            return new ActionSample(required(root, "step").asInt(), logTimeNs, Action.fromWireName(text(root, "action")));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    byte[] encodeSubtaskStarted(int step, int subtaskIndex, Goal goal) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("step", step);
        root.put("event", "started");
        root.put("subtaskIndex", subtaskIndex);
        root.set("goal", goalNode(goal));
        return json.writeValueAsBytes(root);
    }

    byte[] encodeSubtaskEnded(int step, SubtaskOutcome outcome) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("step", step);
        root.put("event", "ended");
        root.put("subtaskIndex", outcome.subtaskIndex());
        root.set("goal", goalNode(outcome.goal()));
        ObjectNode o = root.putObject("outcome");
        o.put("success", outcome.success());
        putNumber(o, "spl", outcome.spl());
        putNumber(o, "shortestPathM", outcome.shortestPathM());
        putNumber(o, "pathLengthM", outcome.pathLengthM());
        o.put("actions", outcome.actions());
        putNumber(o, "finalDistanceM", outcome.finalDistanceM());
        o.put("budgetExhausted", outcome.budgetExhausted());
        return json.writeValueAsBytes(root);
    }

    SubtaskEvent decodeSubtask(byte[] data, long logTimeNs) throws IOException {
        JsonNode root = json.readTree(data);
        int step = required(root, "step").asInt();
        int index = required(root, "subtaskIndex").asInt();
        Goal goal = goal(required(root, "goal"));
        String event = text(root, "event");
        return switch (event) {
            case "started" -> new SubtaskEvent.Started(step, logTimeNs, index, goal);
            case "ended" -> {
                JsonNode o = required(root, "outcome");
                yield new SubtaskEvent.Ended(step, logTimeNs, new SubtaskOutcome(index, goal,
                        required(o, "success").asBoolean(), number(o, "spl"), number(o, "shortestPathM"),
                        number(o, "pathLengthM"), required(o, "actions").asInt(), number(o, "finalDistanceM"),
                        required(o, "budgetExhausted").asBoolean()));
            }
            default -> throw new IOException("unknown subtask event '" + event + "'");
        };
    }

    private ObjectNode goalNode(Goal goal) {
        ObjectNode node = json.createObjectNode();
        node.put("modality", goal.modality().wireName());
        node.put("category", goal.category());
        node.put("description", goal.description());
        node.put("instanceId", goal.instanceId());
        return node;
    }

    private static Goal goal(JsonNode node) throws IOException {
        try {
            return new Goal(GoalModality.fromWireName(text(node, "modality")), nullableText(node, "category"),
                    nullableText(node, "description"), required(node, "instanceId").asInt());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** JSON has no NaN or infinities; they travel as the strings "NaN", "Infinity", "-Infinity". */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, Double.toString(value));
        }
    }

    private static double number(JsonNode node, String field) throws IOException {
        JsonNode v = required(node, field);
        if (v.isNumber()) {
            return v.asDouble();
        }
        return switch (v.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IOException("field '" + field + "' is not a number: " + v);
        };
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static String text(JsonNode node, String field) throws IOException {
        return required(node, field).asText();
    }

    private static String nullableText(JsonNode node, String field) throws IOException {
        JsonNode v = required(node, field);
        return v.isNull() ? null : v.asText();
    }

    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new IOException("missing field '" + field + "' in " + node);
        }
        return v;
    }
}
