package org.memnav.simbridge.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;
import org.memnav.simbridge.client.ReceiveBuffers;
import org.memnav.simbridge.client.SimClient;
import org.memnav.simbridge.client.SimClientOptions;
import org.memnav.simbridge.client.SimEndpoint;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.FrameLimits;
import org.memnav.simbridge.protocol.FrameWriter;
import org.memnav.simbridge.protocol.ObservationWire;
import org.memnav.simbridge.protocol.ProtocolException;
import org.memnav.simbridge.protocol.ProtocolVersion;
import org.memnav.simbridge.protocol.WireJson;
import org.memnav.simbridge.protocol.message.AgentState;
import org.memnav.simbridge.protocol.message.StepParams;
import org.memnav.simbridge.server.SimServer;

/**
 * Measures the bridge against raw loopback TCP in one run: step round trips carrying RGB + float32
 * depth observations through the real {@link SimClient} and a server (the Java {@link SimServer}
 * over a {@link FixedFrameBackend}, or any server at an endpoint), small-request round trips
 * ({@code get_agent_state}), and the same byte counts moved over plain sockets by {@link LoopbackProbe}.
 */
public final class BridgeBenchmark {

    /** What was measured for one server; byte rates count whole frames, so bridge and raw move the same bytes. */
    public record Result(String server, int width, int height, long stepRequestBytes, long stepResponseBytes,
                         RoundTrips steps, RoundTrips recycledSteps, RoundTrips smallRequests, double rawStreamBytesPerS,
                         RoundTrips rawRequestResponse, RoundTrips rawPing) {

        /** Steps whose observations arrive in fresh arrays ({@link SimClient#step(Action)}). */
        public double bridgeBytesPerS() {
            return bytesPerS(steps);
        }

        /** Steps whose observations arrive in recycled buffers ({@link SimClient#step(Action, ReceiveBuffers)}). */
        public double recycledBytesPerS() {
            return bytesPerS(recycledSteps);
        }

        public double recycledRatioToRawStream() {
            return recycledBytesPerS() / rawStreamBytesPerS;
        }

        public double recycledRatioToRawRequestResponse() {
            return recycledBytesPerS() / rawRequestResponseBytesPerS();
        }

        /** Frame bytes per second over {@code trips} (steps of this result, fresh or recycled). */
        public double bytesPerS(RoundTrips trips) {
            return stepResponseBytes * (double) trips.count() / trips.totalSeconds();
        }

        public double rawRequestResponseBytesPerS() {
            return stepResponseBytes * (double) rawRequestResponse.count() / rawRequestResponse.totalSeconds();
        }

        /** Bridge throughput over raw streaming bandwidth, the ceiling of one loopback connection. */
        public double ratioToRawStream() {
            return bridgeBytesPerS() / rawStreamBytesPerS;
        }

        /** Bridge throughput over raw request/response of the same sizes (same round-trip pattern, no protocol). */
        public double ratioToRawRequestResponse() {
            return bridgeBytesPerS() / rawRequestResponseBytesPerS();
        }

        /** What the protocol adds to a small round trip: bridge median minus raw ping median. */
        public double smallRequestOverheadMs() {
            return smallRequests.medianMs() - rawPing.medianMs();
        }
    }

    private final int width;
    private final int height;
    private final int steps;
    private final int warmup;
    private final int smallRequests;

    public BridgeBenchmark(int width, int height, int steps, int warmup, int smallRequests) {
        if (width < 1 || height < 1 || steps < 1 || warmup < 0 || smallRequests < 1) {
            throw new IllegalArgumentException("benchmark needs a positive size, steps and small requests, got "
                    + width + "x" + height + ", " + steps + " steps, " + warmup + " warm-up, " + smallRequests + " small requests");
        }
        this.width = width;
        this.height = height;
        this.steps = steps;
        this.warmup = warmup;
        this.smallRequests = smallRequests;
    }

    /** The Java SimServer on loopback, hosting a backend that serves pre-made frames of the benchmark's size. */
    public Result runJavaServer() throws IOException {
        try (FixedFrameBackend backend = new FixedFrameBackend(width, height); SimServer server = SimServer.start(backend)) {
            return run(SimEndpoint.loopback(server.port()), "java SimServer");
        }
    }

    /** Any server at {@code endpoint}; it must accept the scene "bench" and serve observations of the benchmark's size. */
    public Result run(SimEndpoint endpoint, String label) throws IOException {
        long requestBytes = frameBytes(Frame.request(1, "step", new WireJson().toObject(new StepParams(Action.TURN_LEFT)), List.of()));
        long responseBytes;
        RoundTrips stepTrips;
        RoundTrips recycledTrips;
        RoundTrips small;
        try (SimClient client = SimClient.connect(endpoint, SimClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(60))
                .withClientName("memnav bench bridge"))) {
            client.loadScene("bench");
            Observation first = client.newEpisode(new EpisodeRequest(1, 1)).observation();
            if (first.rgb() == null || first.depth() == null || first.rgb().width() != width || first.rgb().height() != height) {
                throw new IllegalStateException("server at " + endpoint + " sends " + describe(first) + ", not " + width + "x" + height
                        + " rgb + depth");
            }
            responseBytes = frameBytes(Frame.response(1, "step", new WireJson().toObject(ObservationWire.fields(first)),
                    ObservationWire.blobs(first)));
            stepTrips = measure(steps, warmup, () -> client.step(Action.TURN_LEFT));
            ReceiveBuffers buffers = new ReceiveBuffers();
            recycledTrips = measure(steps, warmup, () -> client.step(Action.TURN_LEFT, buffers));
            small = measure(smallRequests, Math.max(100, smallRequests / 2), client::agentPose);
        }
        long smallResponseBytes = frameBytes(Frame.response(1, "get_agent_state",
                new WireJson().toObject(new AgentState(new Pose(new Vec3(1.2345678, 0, -2.3456789), 0.7853981))), List.of()));
        double rawStream = LoopbackProbe.streamBytesPerSecond((int) responseBytes, Math.max(steps, 20));
        RoundTrips rawTrips = LoopbackProbe.requestResponse((int) requestBytes, (int) responseBytes, steps, warmup);
        RoundTrips rawPing = LoopbackProbe.requestResponse(96, (int) smallResponseBytes, smallRequests,
                Math.max(100, smallRequests / 2));
        return new Result(label, width, height, requestBytes, responseBytes, stepTrips, recycledTrips, small, rawStream, rawTrips, rawPing);
    }

    private static String describe(Observation o) {
        return o.rgb() == null ? "no rgb" : o.rgb().width() + "x" + o.rgb().height() + (o.depth() == null ? " rgb only" : " rgb + depth");
    }

    private static RoundTrips measure(int rounds, int warmupRounds, Runnable call) {
        for (int i = 0; i < warmupRounds; i++) {
            call.run();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t0;
        }
        return new RoundTrips(nanos);
    }

    /** Size of a frame exactly as the Java writer puts it on the wire. */
    private static long frameBytes(Frame frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new FrameWriter(out, FrameLimits.defaults(), new WireJson()).write(ProtocolVersion.CURRENT, frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProtocolException e) {
            throw new IllegalStateException("benchmark frame over the protocol limits: " + e.getMessage(), e);
        }
        return out.size();
    }
}
