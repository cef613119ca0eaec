package org.memnav.app.session;

import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.client.SimClient;
import org.memnav.simbridge.client.SimClientOptions;
import org.memnav.simbridge.client.SimEndpoint;
import org.memnav.simbridge.server.SimServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The app's link to a simulator. Always a {@link SimClient} over TCP: for the embedded default the
 * simulator is hosted in this process on an ephemeral loopback port, so the app exercises the same
 * wire path it uses for Habitat-Sim.
 */
public final class SimulatorConnection implements AutoCloseable {

    private final EmbeddedSimulator embedded;
    private final SimServer server;
    private final SimClient client;
    private final String address;

    private SimulatorConnection(EmbeddedSimulator embedded, SimServer server, SimClient client, String address) {
        this.embedded = embedded;
        this.server = server;
        this.client = client;
        this.address = address;
    }

    /** Connects to {@code endpoint} ("tcp://host:port"), or hosts the embedded simulator when it is null. */
    public static SimulatorConnection open(String endpoint) {
        if (endpoint != null) {
            SimEndpoint target = SimEndpoint.parse(endpoint);
            return new SimulatorConnection(null, null, SimClient.connect(target, SimClientOptions.defaults()), target.toString());
        }
        EmbeddedSimulator sim = EmbeddedSimulator.withDefaults();
        SimServer server;
        try {
            server = SimServer.start(sim);
        } catch (IOException e) {
            sim.close();
            throw new UncheckedIOException("cannot host the embedded simulator on loopback: " + e.getMessage(), e);
        }
        SimEndpoint local = SimEndpoint.loopback(server.port());
        try {
            return new SimulatorConnection(sim, server, SimClient.connect(local, SimClientOptions.defaults()),
                    "embedded via " + local);
        } catch (RuntimeException e) {
            server.close();
            sim.close();
            throw e;
        }
    }

    public SimBackend backend() {
        return client;
    }

    public String address() {
        return address;
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
