package org.memnav.simbridge.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.protocol.Blob;
import org.memnav.simbridge.protocol.ErrorCode;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.Method;
import org.memnav.simbridge.protocol.NavigabilityMapWire;
import org.memnav.simbridge.protocol.ObservationWire;
import org.memnav.simbridge.protocol.ProtocolException;
import org.memnav.simbridge.protocol.WireJson;
import org.memnav.simbridge.protocol.message.AgentState;
import org.memnav.simbridge.protocol.message.EpisodeStartFields;
import org.memnav.simbridge.protocol.message.GeodesicDistance;
import org.memnav.simbridge.protocol.message.LoadSceneParams;
import org.memnav.simbridge.protocol.message.PathPoints;
import org.memnav.simbridge.protocol.message.PathQuery;
import org.memnav.simbridge.protocol.message.PointValue;
import org.memnav.simbridge.protocol.message.StepParams;

/**
 * Turns one simulator request (every method but hello and close, which concern the connection)
 * into its backend call and the reply's JSON result and blobs. Bad params become {@code bad_message},
 * anything the backend throws becomes {@code backend_error} carrying the backend's message.
 */
final class RequestDispatcher {

    /** The body and blobs of a RESPONSE frame. */
    record Reply(ObjectNode result, List<Blob> blobs) {
        static Reply empty() {
            return new Reply(JsonNodeFactory.instance.objectNode(), List.of());
        }
    }

    private final WireJson json;

    RequestDispatcher(WireJson json) {
        this.json = json;
    }

    Reply dispatch(Method method, Frame request, BackendLease lease) throws ProtocolException, InterruptedException {
        String what = method.wireName() + " params";
        switch (method) {
            case LOAD_SCENE -> {
                LoadSceneParams p = params(request, LoadSceneParams.class, what);
                require(p.scene(), "scene", what);
                return reply(invoke(lease, method, b -> b.loadScene(p.scene())));
            }
            case NEW_EPISODE -> {
                EpisodeRequest p = params(request, EpisodeRequest.class, what);
                EpisodeStart start = invoke(lease, method, b -> b.newEpisode(p));
                Observation first = requireResult(start.observation(), method);
                return new Reply(json.toObject(new EpisodeStartFields(start.spec(), ObservationWire.fields(first))),
                        ObservationWire.blobs(first));
            }
            case STEP -> {
                StepParams p = params(request, StepParams.class, what);
                require(p.action(), "action", what);
                Observation o = invoke(lease, method, b -> b.step(p.action()));
                return new Reply(json.toObject(ObservationWire.fields(o)), ObservationWire.blobs(o));
            }
            case GET_AGENT_STATE -> {
                return reply(new AgentState(invoke(lease, method, SimBackend::agentPose)));
            }
            case SET_AGENT_STATE -> {
                AgentState p = params(request, AgentState.class, what);
                require(p.pose(), "pose", what);
                require(p.pose().position(), "pose.position", what);
                invoke(lease, method, b -> {
                    b.setAgentPose(p.pose());
                    return Boolean.TRUE;
                });
                return Reply.empty();
            }
            case GEODESIC_DISTANCE -> {
                PathQuery q = pathQuery(request, what);
                return reply(new GeodesicDistance(invoke(lease, method, b -> b.geodesicDistance(q.from(), q.to()))));
            }
            case SHORTEST_PATH -> {
                PathQuery q = pathQuery(request, what);
                return reply(new PathPoints(invoke(lease, method, b -> b.shortestPath(q.from(), q.to()))));
            }
            case SNAP_POINT -> {
                PointValue p = params(request, PointValue.class, what);
                require(p.point(), "point", what);
                return reply(new PointValue(invoke(lease, method, b -> b.snapPoint(p.point()))));
            }
            case NAVIGABILITY_MAP -> {
                NavigabilityMap map = invoke(lease, method, SimBackend::navigabilityMap);
                return new Reply(json.toObject(NavigabilityMapWire.grid(map)), NavigabilityMapWire.blobs(map));
            }
            case HELLO, CLOSE -> throw new IllegalArgumentException(method.wireName() + " is handled by the connection");
            default -> throw new IllegalArgumentException("no dispatch for " + method);
        }
    }

    private PathQuery pathQuery(Frame request, String what) throws ProtocolException {
        PathQuery q = params(request, PathQuery.class, what);
        require(q.from(), "from", what);
        require(q.to(), "to", what);
        return q;
    }

    private <T> T params(Frame request, Class<T> type, String what) throws ProtocolException {
        return json.fromTree(request.body(), type, what);
    }

    private Reply reply(Object result) {
        return new Reply(json.toObject(result), List.of());
    }

    /** Runs the backend call; whatever the simulator throws is reported to the client, never thrown on. */
    static <T> T invoke(BackendLease lease, Method method, Function<SimBackend, T> call)
            throws ProtocolException, InterruptedException {
        T result;
        try {
            result = lease.call(call);
        } catch (InterruptedException e) {
            throw e;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new ProtocolException(ErrorCode.BACKEND_ERROR, messageOf(e), 0, e);
        }
        return requireResult(result, method);
    }

    static String messageOf(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static <T> T requireResult(T result, Method method) throws ProtocolException {
        if (result == null) {
            throw new ProtocolException(ErrorCode.BACKEND_ERROR, "the simulator returned nothing for " + method.wireName());
        }
        return result;
    }

    private static void require(Object value, String field, String what) throws ProtocolException {
        if (value == null) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, what + ": '" + field + "' must not be null");
        }
    }
}
