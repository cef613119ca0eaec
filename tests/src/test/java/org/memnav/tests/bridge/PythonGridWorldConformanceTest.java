package org.memnav.tests.bridge;

/**
 * The conformance suite against the Python server ({@code sim-bridge/python}) hosting the numpy grid
 * world, started as a real subprocess: the Python frame codec, server and backend contract, from Java.
 */
class PythonGridWorldConformanceTest extends BridgeConformanceSuite {

    @Override
    protected BridgeServerUnderTest startServer(ServerFaults faults) {
        if (faults.stepDelay().isZero()) {
            return PythonGridWorldProcess.start();
        }
        return PythonGridWorldProcess.start("--step-delay-s", Double.toString(faults.stepDelay().toMillis() / 1000.0));
    }

    @Override
    protected String sceneRef() {
        return "gridworld:rooms?seed=3";
    }
}
