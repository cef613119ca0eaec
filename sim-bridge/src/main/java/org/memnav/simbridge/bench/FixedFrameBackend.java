package org.memnav.simbridge.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.AgentConfig;
import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SensorSpec;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.Vec3;

/**
 * Not a simulator: a backend that answers every step with the same pre-made RGB + depth images
 * (seeded noise, so nothing compresses or caches), so that the bridge benchmark measures the wire
 * path alone (encoding, sockets, decoding) and not rendering.
 */
public final class FixedFrameBackend implements SimBackend {
    private final SensorSpec sensor;
    private final RgbImage rgb;
    private final DepthImage depth;
    private final EpisodeStatus status = new EpisodeStatus(0, 1, 0, false, null);
    private Pose pose = new Pose(Vec3.ORIGIN, 0);
    private int step;

    public FixedFrameBackend(int width, int height) {
        this.sensor = new SensorSpec(width, height, 90);
        Random random = new Random(42);
        byte[] pixels = new byte[width * height * 3];
        random.nextBytes(pixels);
        // Held as little-endian bytes, as a server holds depth it forwards (Habitat's numpy arrays are sent as they
        // are too): the benchmark then measures the wire path, not a float-to-byte conversion per step.
        ByteBuffer metres = ByteBuffer.allocate(width * height * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < width * height; i++) {
            metres.putFloat(0.5f + 5 * random.nextFloat());
        }
        this.rgb = new RgbImage(width, height, pixels);
        this.depth = DepthImage.ofLittleEndian(width, height, metres.flip());
    }

    /** Bytes of image data one observation carries (RGB uint8 plus depth float32). */
    public long observationBytes() {
        return (long) rgb.data().length + (long) Float.BYTES * depth.width() * depth.height();
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities("1.0", "fixed-frame benchmark backend", AgentConfig.goatStretch(), sensor,
                List.of("rgb", "depth"), List.of(Action.values()));
    }

    @Override
    public SceneInfo loadScene(String sceneRef) {
        return new SceneInfo(sceneRef, List.of());
    }

    @Override
    public EpisodeStart newEpisode(EpisodeRequest request) {
        step = 0;
        EpisodeSpec spec = new EpisodeSpec("bench", "bench", request.seed(), pose, List.of(Goal.category("chair")));
        return new EpisodeStart(spec, observation());
    }

    @Override
    public Observation step(Action action) {
        step++;
        return observation();
    }

    private Observation observation() {
        return new Observation(step, pose, false, rgb, depth, null, status);
    }

    @Override
    public Pose agentPose() {
        return pose;
    }

    @Override
    public void setAgentPose(Pose newPose) {
        pose = newPose;
    }

    @Override
    public double geodesicDistance(Vec3 from, Vec3 to) {
        return from.horizontalDistanceTo(to);
    }

    @Override
    public List<Vec3> shortestPath(Vec3 from, Vec3 to) {
        return List.of(from, to);
    }

    @Override
    public Vec3 snapPoint(Vec3 p) {
        return p;
    }

    @Override
    public NavigabilityMap navigabilityMap() {
        return new NavigabilityMap(0, 0, 1, 1, 1, new byte[] {1});
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
