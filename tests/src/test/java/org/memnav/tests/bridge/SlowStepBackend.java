package org.memnav.tests.bridge;

import java.time.Duration;
import java.util.List;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.Vec3;

/** A simulator whose steps take at least {@code delay}: the Java counterpart of the grid world's --step-delay-s. */
final class SlowStepBackend implements SimBackend {
    private final SimBackend inner;
    private final Duration delay;

    SlowStepBackend(SimBackend inner, Duration delay) {
        this.inner = inner;
        this.delay = delay;
    }

    @Override
    public Observation step(Action action) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("step interrupted", e);
        }
        return inner.step(action);
    }

    @Override
    public Capabilities capabilities() {
        return inner.capabilities();
    }

    @Override
    public SceneInfo loadScene(String sceneRef) {
        return inner.loadScene(sceneRef);
    }

    @Override
    public EpisodeStart newEpisode(EpisodeRequest request) {
        return inner.newEpisode(request);
    }

    @Override
    public Pose agentPose() {
        return inner.agentPose();
    }

    @Override
    public void setAgentPose(Pose pose) {
        inner.setAgentPose(pose);
    }

    @Override
    public double geodesicDistance(Vec3 from, Vec3 to) {
        return inner.geodesicDistance(from, to);
    }

    @Override
    public List<Vec3> shortestPath(Vec3 from, Vec3 to) {
        return inner.shortestPath(from, to);
    }

    @Override
    public Vec3 snapPoint(Vec3 p) {
        return inner.snapPoint(p);
    }

    @Override
    public NavigabilityMap navigabilityMap() {
        return inner.navigabilityMap();
    }

    @Override
    public void close() {
        inner.close();
    }
}
