package org.memnav.scenes.sim;

import org.memnav.simbridge.api.AgentConfig;
import org.memnav.simbridge.api.SensorSpec;

/**
 * How the embedded simulator is set up: the agent's body and action amounts (GOAT-Bench Stretch by
 * default), the camera (256x256, 90 degrees for the encoder by default; {@link #goatParity()} for
 * GOAT's 360x640 portrait camera with a 42 degree field of view), whether the semantic sensor is
 * sent, whether a blocked step slides along the obstacle (Habitat's allow_sliding; GOAT: no), and
 * how far the camera may tilt.
 */
public record SimulatorOptions(AgentConfig agent, SensorSpec sensor, boolean semanticSensor, boolean allowSliding,
                               double maxPitchDeg) {

    public SimulatorOptions {
        if (agent == null || sensor == null) {
            throw new IllegalArgumentException("agent and sensor settings are required");
        }
        if (sensor.width() <= 0 || sensor.height() <= 0 || sensor.width() > 4096 || sensor.height() > 4096) {
            throw new IllegalArgumentException("sensor size must be 1..4096 pixels a side, got " + sensor.width() + "x"
                    + sensor.height());
        }
        if (!(sensor.hfovDeg() > 0 && sensor.hfovDeg() < 180)) {
            throw new IllegalArgumentException("sensor hfov_deg must be in (0, 180), got " + sensor.hfovDeg());
        }
        if (!(agent.forwardStepM() > 0) || !(agent.turnDeg() > 0) || !(agent.radiusM() > 0)
                || !(agent.successDistanceM() >= 0) || agent.maxActionsPerSubtask() < 1) {
            throw new IllegalArgumentException("agent settings must be positive: " + agent);
        }
        if (!(maxPitchDeg >= 0 && maxPitchDeg <= 90)) {
            throw new IllegalArgumentException("max pitch must be in [0, 90] degrees, got " + maxPitchDeg);
        }
    }

    /** GOAT Stretch agent, the encoder's 256x256 camera with a 90 degree field of view, semantic sensor on, no sliding. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(AgentConfig.goatStretch(), SensorSpec.encoderDefault(), true, false, 60);
    }

    /** GOAT-Bench parity: the same agent with GOAT's 360 wide x 640 high camera, 42 degree field of view. */
    public static SimulatorOptions goatParity() {
        return defaults().withSensor(SensorSpec.goatParity());
    }

    public SimulatorOptions withSensor(SensorSpec newSensor) {
        return new SimulatorOptions(agent, newSensor, semanticSensor, allowSliding, maxPitchDeg);
    }

    public SimulatorOptions withAgent(AgentConfig newAgent) {
        return new SimulatorOptions(newAgent, sensor, semanticSensor, allowSliding, maxPitchDeg);
    }

    public SimulatorOptions withSemanticSensor(boolean on) {
        return new SimulatorOptions(agent, sensor, on, allowSliding, maxPitchDeg);
    }

    public SimulatorOptions withSliding(boolean on) {
        return new SimulatorOptions(agent, sensor, semanticSensor, on, maxPitchDeg);
    }
}
