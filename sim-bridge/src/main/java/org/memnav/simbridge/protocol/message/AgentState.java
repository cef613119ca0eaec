package org.memnav.simbridge.protocol.message;

import org.memnav.simbridge.api.Pose;

/** get_agent_state result and set_agent_state params. */
public record AgentState(Pose pose) {
}
