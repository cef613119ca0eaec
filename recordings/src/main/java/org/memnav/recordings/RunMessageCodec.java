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
    record ConfigMessage(RunConfig config, RunTimeline timeline, RecordingCadence cadence) {
    }

    byte[] encodeConfig(RunConfig config, RunTimeline timeline, RecordingCadence cadence) throws IOException {
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
        root.put("memoryLength", config.memoryLength());
        root.put("compressionRate", config.compressionRate());
        ObjectNode settings = root.putObject("settings");
        new TreeMap<>(config.settings()).forEach(settings::put);
        root.put("startTimeNs", timeline.startTimeNs());
        root.put("stepPeriodNs", timeline.stepPeriodNs());
        ObjectNode recording = root.putObject("recording");
        recording.put("rgbEveryNSteps", cadence.rgbEveryNSteps());
        recording.put("depthEveryNSteps", cadence.depthEveryNSteps());
        recording.put("tokenDtype", cadence.tokenDtype().wireName());
        return json.writeValueAsBytes(root);
    }

    ConfigMessage decodeConfig(byte[] data) throws IOException {
        JsonNode root = json.readTree(data);
        List<Goal> goals = new ArrayList<>();
        for (JsonNode goal : required(root, "goals")) {
            goals.add(goal(goal));
        }
        // memoryLength, compressionRate and recording came later: older recordings lack them.
        RunConfig config = new RunConfig(required(root, "seed").asLong(), text(root, "sceneId"), text(root, "episodeId"),
                goals, stringMap(required(root, "models")), text(root, "executionProvider"),
                root.path("memoryLength").asInt(0), root.path("compressionRate").asInt(1),
                stringMap(required(root, "settings")));
        RunTimeline timeline = new RunTimeline(required(root, "startTimeNs").asLong(), required(root, "stepPeriodNs").asLong());
        JsonNode recording = root.path("recording");
        RecordingCadence cadence;
        try {
            cadence = new RecordingCadence(recording.path("rgbEveryNSteps").asInt(0), recording.path("depthEveryNSteps").asInt(0),
                    TensorDtype.fromWireName(recording.path("tokenDtype").asText("float16")));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new ConfigMessage(config, timeline, cadence);
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

    byte[] encodeSubtaskStarted(int step, int episodeIndex, String episodeId, int subtaskIndex, Goal goal) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("step", step);
        root.put("event", "started");
        root.put("episodeIndex", episodeIndex);
        root.put("episodeId", episodeId);
        root.put("subtaskIndex", subtaskIndex);
        root.set("goal", goalNode(goal));
        return json.writeValueAsBytes(root);
    }

    byte[] encodeSubtaskEnded(int step, int episodeIndex, String episodeId, SubtaskOutcome outcome) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("step", step);
        root.put("event", "ended");
        root.put("episodeIndex", episodeIndex);
        root.put("episodeId", episodeId);
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

    /** {@code defaultEpisodeId} stands in for recordings made before events named their episode. */
    SubtaskEvent decodeSubtask(byte[] data, long logTimeNs, String defaultEpisodeId) throws IOException {
        JsonNode root = json.readTree(data);
        int step = required(root, "step").asInt();
        int index = required(root, "subtaskIndex").asInt();
        int episodeIndex = root.path("episodeIndex").asInt(0);
        String episodeId = root.path("episodeId").asText(defaultEpisodeId);
        Goal goal = goal(required(root, "goal"));
        String event = text(root, "event");
        return switch (event) {
            case "started" -> new SubtaskEvent.Started(step, logTimeNs, episodeIndex, episodeId, index, goal);
            case "ended" -> {
                JsonNode o = required(root, "outcome");
                yield new SubtaskEvent.Ended(step, logTimeNs, episodeIndex, episodeId, new SubtaskOutcome(index, goal,
                        required(o, "success").asBoolean(), number(o, "spl"), number(o, "shortestPathM"),
                        number(o, "pathLengthM"), required(o, "actions").asInt(), number(o, "finalDistanceM"),
                        required(o, "budgetExhausted").asBoolean()));
            }
            default -> throw new IOException("unknown subtask event '" + event + "'");
        };
    }

    byte[] encodeMemoryOperation(MemoryOperation op) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("step", op.step());
        root.put("op", op.kind().wireName());
        root.put("frameId", op.frameId());
        root.put("frameStep", op.frameStep());
        root.put("tokens", op.tokens());
        root.put("bytes", op.bytes());
        root.put("memoryFrames", op.memoryFrames());
        root.put("memoryBytes", op.memoryBytes());
        if (!op.detail().isEmpty()) {
            root.put("detail", op.detail());
        }
        return json.writeValueAsBytes(root);
    }

    MemoryOperation decodeMemoryOperation(byte[] data) throws IOException {
        JsonNode root = json.readTree(data);
        try {
            return new MemoryOperation(required(root, "step").asInt(), MemoryOperation.Kind.fromWireName(text(root, "op")),
                    required(root, "frameId").asLong(), required(root, "frameStep").asInt(), required(root, "tokens").asLong(),
                    required(root, "bytes").asLong(), required(root, "memoryFrames").asInt(),
                    required(root, "memoryBytes").asLong(), root.path("detail").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    byte[] encodeDecision(PolicyDecision decision) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("step", decision.step());
        root.put("mode", decision.mode().wireName());
        if (decision.target() == null) {
            root.putNull("target");
        } else {
            root.set("target", pointNode(decision.target()));
        }
        root.put("chosenIndex", decision.chosenIndex());
        root.put("reason", decision.reason());
        var candidates = root.putArray("candidates");
        for (PolicyDecision.Candidate c : decision.candidates()) {
            ObjectNode node = candidates.addObject();
            node.put("kind", c.kind());
            node.set("point", pointNode(c.point()));
            putNumber(node, "score", c.score());
        }
        return json.writeValueAsBytes(root);
    }

    PolicyDecision decodeDecision(byte[] data) throws IOException {
        JsonNode root = json.readTree(data);
        List<PolicyDecision.Candidate> candidates = new ArrayList<>();
        for (JsonNode c : required(root, "candidates")) {
            candidates.add(new PolicyDecision.Candidate(text(c, "kind"), point(required(c, "point")), number(c, "score")));
        }
        JsonNode target = required(root, "target");
        try {
            return new PolicyDecision(required(root, "step").asInt(), PolicyDecision.Mode.fromWireName(text(root, "mode")),
                    target.isNull() ? null : point(target), required(root, "chosenIndex").asInt(), text(root, "reason"),
                    candidates);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    byte[] encodeSubtaskMetrics(SubtaskMetrics m) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("step", m.step());
        root.put("episodeIndex", m.episodeIndex());
        root.put("episodeId", m.episodeId());
        root.put("subtaskIndex", m.subtaskIndex());
        root.put("success", m.success());
        putNumber(root, "spl", m.spl());
        root.put("actions", m.actions());
        root.put("decisions", m.decisions());
        root.put("memoryGuidedDecisions", m.memoryGuidedDecisions());
        root.put("writes", m.writes());
        root.put("evictions", m.evictions());
        root.put("retrievals", m.retrievals());
        root.put("memoryFrames", m.memoryFrames());
        root.put("memoryBytes", m.memoryBytes());
        root.put("peakMemoryBytes", m.peakMemoryBytes());
        root.put("encoderRuns", m.encoderRuns());
        root.put("encoderMsMean", m.encoderMsMean());
        return json.writeValueAsBytes(root);
    }

    SubtaskMetrics decodeSubtaskMetrics(byte[] data) throws IOException {
        JsonNode r = json.readTree(data);
        return new SubtaskMetrics(required(r, "step").asInt(), required(r, "episodeIndex").asInt(), text(r, "episodeId"),
                required(r, "subtaskIndex").asInt(), required(r, "success").asBoolean(), number(r, "spl"),
                required(r, "actions").asInt(), required(r, "decisions").asInt(), required(r, "memoryGuidedDecisions").asInt(),
                required(r, "writes").asLong(), required(r, "evictions").asLong(), required(r, "retrievals").asLong(),
                required(r, "memoryFrames").asInt(), required(r, "memoryBytes").asLong(), required(r, "peakMemoryBytes").asLong(),
                required(r, "encoderRuns").asInt(), number(r, "encoderMsMean"));
    }

    byte[] encodeMemoryTiers(MemoryTiers t) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("step", t.step());
        ObjectNode core = root.putObject("core");
        core.put("subtask", t.subtask());
        core.put("goal", t.goal());
        if (t.agent() != null) {
            core.set("agent", poseNode(t.agent()));
        }
        if (t.target() != null) {
            core.set("target", pointNode(t.target()));
        }
        ObjectNode episodic = root.putObject("episodic");
        var frames = episodic.putArray("frames");
        for (MemoryTiers.EpisodicFrame f : t.episodicFrames()) {
            ObjectNode n = frames.addObject();
            n.put("frameId", f.frameId());
            n.put("step", f.step());
            n.set("pose", poseNode(f.pose()));
        }
        var events = episodic.putArray("events");
        for (MemoryTiers.EpisodicEvent e : t.episodicEvents()) {
            events.addObject().put("step", e.step()).put("text", e.text());
        }
        var semantic = root.putArray("semantic");
        for (MemoryTiers.SemanticFact f : t.semantic()) {
            ObjectNode n = semantic.addObject();
            n.put("goal", f.goal());
            n.set("place", pointNode(f.place()));
            n.put("support", f.support());
            n.put("frameId", f.frameId());
            n.put("updatedStep", f.updatedStep());
        }
        return json.writeValueAsBytes(root);
    }

    MemoryTiers decodeMemoryTiers(byte[] data) throws IOException {
        JsonNode root = json.readTree(data);
        JsonNode core = required(root, "core");
        List<MemoryTiers.EpisodicFrame> frames = new ArrayList<>();
        JsonNode episodic = required(root, "episodic");
        for (JsonNode n : required(episodic, "frames")) {
            frames.add(new MemoryTiers.EpisodicFrame(required(n, "frameId").asLong(), required(n, "step").asInt(),
                    pose(required(n, "pose"))));
        }
        List<MemoryTiers.EpisodicEvent> events = new ArrayList<>();
        for (JsonNode n : required(episodic, "events")) {
            events.add(new MemoryTiers.EpisodicEvent(required(n, "step").asInt(), text(n, "text")));
        }
        List<MemoryTiers.SemanticFact> facts = new ArrayList<>();
        for (JsonNode n : required(root, "semantic")) {
            facts.add(new MemoryTiers.SemanticFact(text(n, "goal"), point(required(n, "place")), required(n, "support").asInt(),
                    required(n, "frameId").asLong(), required(n, "updatedStep").asInt()));
        }
        return new MemoryTiers(required(root, "step").asInt(), required(core, "subtask").asInt(), text(core, "goal"),
                core.has("agent") ? pose(core.get("agent")) : null, core.has("target") ? point(core.get("target")) : null,
                frames, events, facts);
    }

    private ObjectNode poseNode(Pose p) {
        ObjectNode node = pointNode(p.position());
        node.put("yaw", p.yaw());
        return node;
    }

    private static Pose pose(JsonNode node) throws IOException {
        return new Pose(point(node), number(node, "yaw"));
    }

    private ObjectNode pointNode(Vec3 p) {
        if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || !Double.isFinite(p.z())) {
            throw new IllegalArgumentException("point is not finite: " + p);
        }
        ObjectNode node = json.createObjectNode();
        node.put("x", p.x());
        node.put("y", p.y());
        node.put("z", p.z());
        return node;
    }

    private static Vec3 point(JsonNode node) throws IOException {
        return new Vec3(number(node, "x"), number(node, "y"), number(node, "z"));
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
