package org.memnav.app.cli;

import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.simbridge.client.SimEndpoint;
import org.memnav.simbridge.protocol.ProtocolVersion;
import org.memnav.simbridge.server.BackendSource;
import org.memnav.simbridge.server.SimServer;
import org.memnav.simbridge.server.SimServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code memnav serve-sim}: the embedded simulator as a stand-alone sim-bridge server, until interrupted.
 * Every connection gets its own simulator (with --scene already loaded), so clients never share an episode.
 */
@Command(name = "serve-sim", mixinStandardHelpOptions = true,
        description = "Serve the embedded simulator over the sim-bridge protocol (sim-bridge/PROTOCOL.md) until "
                + "interrupted (Ctrl-C). Prints the address to connect to, e.g. ./memnav run --sim tcp://127.0.0.1:5555. "
                + "Each connection gets its own simulator.")
public final class ServeSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 5555;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback "
            + "only). The protocol has no authentication: bind other interfaces only on a trusted network.")
    String bind = SimServerOptions.DEFAULT_BIND_ADDRESS;

    @Option(names = "--scene", paramLabel = "REF", description = "Scene every connection starts with (checked at start): "
            + "procedural:apartment?seed=N, a scene .json file, ... Clients may still load another.")
    String scene;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (scene != null) {
            // Fail now, with the simulator's own message, rather than on every client's first request.
            try (EmbeddedSimulator probe = EmbeddedSimulator.withDefaults()) {
                probe.loadScene(scene);
            }
        }
        String preload = scene;
        BackendSource simulators = BackendSource.perConnection(() -> {
            EmbeddedSimulator sim = EmbeddedSimulator.withDefaults();
            if (preload != null) {
                sim.loadScene(preload);
            }
            return sim;
        });
        SimServerOptions options = SimServerOptions.defaults().withBindAddress(bind).withPort(port)
                .withServerName("memnav serve-sim (" + EmbeddedSimulator.NAME + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        try (SimServer server = SimServer.start(simulators, options)) {
            Thread onExit = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "serve-sim-shutdown");
            Runtime.getRuntime().addShutdownHook(onExit);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("memnav: serving the embedded simulator on %s (protocol %s, one simulator per connection%s); "
                            + "Ctrl-C to stop%n", new SimEndpoint(server.host(), server.port()), ProtocolVersion.CURRENT,
                    scene == null ? "" : ", scene " + scene + " loaded");
            if (!server.address().getAddress().isLoopbackAddress()) {
                spec.commandLine().getErr().println("memnav: warning: listening beyond this machine (" + bind
                        + "); anyone who can reach the port can drive the simulator");
            }
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // Stopped from inside the process (tests, an embedding application): close and return normally.
                Thread.currentThread().interrupt();
            } finally {
                removeHook(onExit);
            }
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook itself.
        }
    }
}
