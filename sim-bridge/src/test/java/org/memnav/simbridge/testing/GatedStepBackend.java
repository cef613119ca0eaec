package org.memnav.simbridge.testing;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/**
 * A {@link FakeSimBackend} whose step first signals that it started, then waits until released (or
 * the wait runs out) - a simulator that hangs or is slow, on demand.
 */
public final class GatedStepBackend implements SimBackend {
    private final FakeSimBackend inner = new FakeSimBackend();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final long maxWaitMillis;

    /** @param maxWaitMillis how long step waits for {@link #release()} before going on anyway */
    public GatedStepBackend(long maxWaitMillis) {
        this.maxWaitMillis = maxWaitMillis;
    }

    public boolean awaitStepEntered(long millis) throws InterruptedException {
        return entered.await(millis, TimeUnit.MILLISECONDS);
    }

    public void release() {
        release.countDown();
    }

    @Override
    public Observation step(Action action) {
        entered.countDown();
        try {
            release.await(maxWaitMillis, TimeUnit.MILLISECONDS);
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
