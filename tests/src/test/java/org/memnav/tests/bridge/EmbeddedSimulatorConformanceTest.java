package org.memnav.tests.bridge;

import org.memnav.scenes.sim.SceneRef;

/** The conformance suite against the Java SimServer hosting the real embedded simulator (OpenGL sensors). */
class EmbeddedSimulatorConformanceTest extends BridgeConformanceSuite {

    @Override
    protected BridgeServerUnderTest startServer(ServerFaults faults) {
        return EmbeddedServerUnderTest.start(faults);
    }

    @Override
    protected String sceneRef() {
        return SceneRef.DEFAULT; // procedural:apartment?seed=7
    }
}
