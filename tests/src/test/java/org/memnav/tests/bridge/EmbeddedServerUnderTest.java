package org.memnav.tests.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.client.SimEndpoint;
import org.memnav.simbridge.server.BackendSource;
import org.memnav.simbridge.server.SimServer;
import org.memnav.simbridge.server.SimServerOptions;

/** The Java SimServer on loopback hosting the real embedded simulator, a fresh one per connection. */
final class EmbeddedServerUnderTest implements BridgeServerUnderTest {
    private final SimServer server;

    private EmbeddedServerUnderTest(SimServer server) {
        this.server = server;
    }

    static EmbeddedServerUnderTest start(ServerFaults faults) {
        try {
            return new EmbeddedServerUnderTest(SimServer.start(BackendSource.perConnection(() -> simulator(faults)),
                    SimServerOptions.defaults()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SimBackend simulator(ServerFaults faults) {
        EmbeddedSimulator sim = EmbeddedSimulator.withDefaults();
        return faults.stepDelay().isZero() ? sim : new SlowStepBackend(sim, faults.stepDelay());
    }

    @Override
    public SimEndpoint endpoint() {
        return SimEndpoint.loopback(server.port());
    }

    /** Closing the Java server drops every connection at once, requests in flight included. */
    @Override
    public void kill() {
        server.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
