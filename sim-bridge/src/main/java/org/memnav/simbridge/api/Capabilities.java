package org.memnav.simbridge.api;

import java.util.List;

/** What a simulator offers, exchanged in the hello handshake. */
public record Capabilities(String protocolVersion, String simulator, AgentConfig agent, SensorSpec sensor,
                          List<String> sensors, List<Action> actions) {
    public Capabilities {
        sensors = List.copyOf(sensors);
        actions = List.copyOf(actions);
    }
}
