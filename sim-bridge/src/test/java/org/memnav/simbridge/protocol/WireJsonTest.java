package org.memnav.simbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.AgentConfig;
import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SceneObject;
import org.memnav.simbridge.api.SensorSpec;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;
import org.memnav.simbridge.protocol.message.GeodesicDistance;
import org.memnav.simbridge.protocol.message.ObservationFields;
import org.memnav.simbridge.protocol.message.StepParams;

class WireJsonTest {
    private final WireJson json = new WireJson();

    private String text(Object value) {
        return new String(json.toBytes(json.toObject(value)), StandardCharsets.UTF_8);
    }

    private <T> T parse(String text, Class<T> type) throws Exception {
        return json.fromTree(json.parseHeader(text.getBytes(StandardCharsets.UTF_8)), type, "test");
    }

    @Test
    void posesUseSnakeCaseAndPointsAreArrays() {
        assertThat(text(new Pose(new Vec3(1.5, 0, -2.25), 0.5))).isEqualTo("{\"position\":[1.5,0.0,-2.25],\"yaw\":0.5}");
        assertThat(text(AgentConfig.goatStretch())).contains("\"forward_step_m\":0.25", "\"camera_height_m\":1.31",
                "\"max_actions_per_subtask\":500", "\"success_distance_m\":1.0");
    }

    @Test
    void actionsAndGoalModalitiesGoByWireName() throws Exception {
        assertThat(text(new StepParams(Action.SUBTASK_STOP))).isEqualTo("{\"action\":\"subtask_stop\"}");
        assertThat(text(new Goal(GoalModality.LANGUAGE, "sofa", "the sofa", 2))).isEqualTo(
                "{\"modality\":\"description\",\"category\":\"sofa\",\"description\":\"the sofa\",\"instance_id\":2,\"image\":null}");
        assertThat(parse("{\"action\":\"turn_left\"}", StepParams.class).action()).isEqualTo(Action.TURN_LEFT);
    }

    @Test
    void unknownActionIsABadMessageListingTheKnownOnes() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> parse("{\"action\":\"jump\"}", StepParams.class));
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(e.getMessage()).contains("jump", "move_forward", "subtask_stop", "action");
    }

    @Test
    void missingFieldsAndWrongTypesAreBadMessagesNamingTheField() {
        ProtocolException missing = catchThrowableOfType(ProtocolException.class,
                () -> parse("{\"step\":1,\"collided\":false,\"status\":null}", ObservationFields.class));
        assertThat(missing.code()).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(missing.getMessage()).contains("pose");

        ProtocolException badPoint = catchThrowableOfType(ProtocolException.class,
                () -> parse("{\"position\":[1,2],\"yaw\":0}", Pose.class));
        assertThat(badPoint.getMessage()).contains("[x, y, z]", "position");

        ProtocolException invalid = catchThrowableOfType(ProtocolException.class,
                () -> parse("{\"seed\":1,\"subtasks\":0}", EpisodeRequest.class));
        assertThat(invalid.getMessage()).contains("at least one subtask");
    }

    @Test
    void nonFiniteNumbersUseTheTokensPythonWritesAndStringsAreAccepted() throws Exception {
        assertThat(text(new GeodesicDistance(Double.POSITIVE_INFINITY))).isEqualTo("{\"distance_m\":Infinity}");
        assertThat(parse("{\"distance_m\":Infinity}", GeodesicDistance.class).distanceM()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("{\"distance_m\":\"Infinity\"}", GeodesicDistance.class).distanceM()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("{\"distance_m\":NaN}", GeodesicDistance.class).distanceM()).isNaN();
    }

    @Test
    void apiRecordsRoundTrip() throws Exception {
        Capabilities caps = new Capabilities("1.0", "habitat-sim 0.3.2", AgentConfig.goatStretch(), SensorSpec.encoderDefault(),
                List.of("rgb", "depth"), Arrays.asList(Action.values()));
        EpisodeSpec spec = new EpisodeSpec("e1", "s1", 42, new Pose(new Vec3(1, 0, 2), -1.0),
                List.of(Goal.category("chair"), new Goal(GoalModality.IMAGE, "bed", null, 17)));
        SceneInfo scene = new SceneInfo("s1", List.of(new SceneObject(4, "bed", "bedroom", new Vec3(1, 2, 3), new Vec3(2, 1, 1))));
        SubtaskOutcome outcome = new SubtaskOutcome(1, Goal.category("chair"), true, 0.8, 4.0, 5.0, 21, 0.6, false);
        EpisodeStatus status = new EpisodeStatus(2, 5, 0, false, outcome);

        SubtaskOutcome revisit = new SubtaskOutcome(2, Goal.category("chair"), false, 0.0, 3.0, 9.5, 40, 2.5, false, true);
        for (Object value : List.of(caps, spec, scene, outcome, revisit, status, new EpisodeStatus(0, 1, 3, false, null))) {
            JsonNode tree = json.toObject(value);
            assertThat(json.fromTree(tree, value.getClass(), "test")).as(value.getClass().getSimpleName()).isEqualTo(value);
        }
        assertThat(text(caps)).contains("\"protocol_version\":\"1.0\"", "\"hfov_deg\":90.0", "\"actions\":[\"move_forward\"");
        assertThat(text(status)).contains("\"last_outcome\":{\"subtask_index\":1", "\"budget_exhausted\":false");
        assertThat(text(revisit)).endsWith("\"budget_exhausted\":false,\"revisit\":true}");
        assertThat(text(new EpisodeStatus(0, 1, 3, false, null))).contains("\"last_outcome\":null");
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() throws Exception {
        assertThat(parse("{\"position\":[0,0,0],\"yaw\":1,\"pitch\":0.3}", Pose.class)).isEqualTo(new Pose(Vec3.ORIGIN, 1));
    }
}
