package org.memnav.app.session;

import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.SceneInfo;

/** What a run is about, known before its first step: the simulator, the scene and the models. */
public record RunContext(String simulatorAddress, Capabilities capabilities, SceneInfo scene, NavigabilityMap navigability,
                         String executionProvider, String encoderModel, RunSettings settings) {
}
