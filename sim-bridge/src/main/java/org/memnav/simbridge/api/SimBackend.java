package org.memnav.simbridge.api;

import java.util.List;

/**
 * A simulator as the agent and the server see it: the embedded simulator implements it directly,
 * {@code SimClient} implements it over the socket, and {@code SimServer} hosts any implementation.
 * Mirrors the Habitat-Sim calls the Python bridge maps onto.
 */
public interface SimBackend extends AutoCloseable {

    Capabilities capabilities();

    /** Loads a scene by reference (a scene file path or {@code procedural:<kind>?seed=N}). */
    SceneInfo loadScene(String sceneRef);

    EpisodeStart newEpisode(EpisodeRequest request);

    Observation step(Action action);

    Pose agentPose();

    void setAgentPose(Pose pose);

    /** Geodesic (shortest navigable path) distance in metres; +infinity when unreachable. */
    double geodesicDistance(Vec3 from, Vec3 to);

    /** Shortest path points from start to end inclusive; empty when unreachable. */
    List<Vec3> shortestPath(Vec3 from, Vec3 to);

    /** Nearest navigable point to {@code p}. */
    Vec3 snapPoint(Vec3 p);

    NavigabilityMap navigabilityMap();

    @Override
    void close();
}
