package org.memnav.simbridge.api;

/** Body and action amounts of the agent. {@link #goatStretch()} are GOAT-Bench's Stretch defaults. */
public record AgentConfig(double forwardStepM, double turnDeg, double lookDeg, double radiusM, double heightM,
                          double cameraHeightM, int maxActionsPerSubtask, double successDistanceM) {

    public static AgentConfig goatStretch() {
        return new AgentConfig(0.25, 30, 30, 0.17, 1.41, 1.31, 500, 1.0);
    }
}
