package org.memnav.simbridge.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.protocol.WireJson;

/**
 * Hosts a {@link SimBackend} on a TCP socket speaking the sim-bridge protocol (PROTOCOL.md).
 * Each connection is served on its own platform thread (a virtual thread parks and is woken through the
 * poller on every partial read of a multi-megabyte frame, which cost a third of the large-frame throughput); every request gets a response or an error
 * frame; a failure on one connection never stops the others.
 *
 * <pre>{@code
 * try (SimServer server = SimServer.start(BackendSource.shared(sim), SimServerOptions.defaults())) {
 *     int port = server.port();   // ephemeral unless options.withPort(5555)
 *     ...
 * }
 * }</pre>
 */
public final class SimServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SimServer.class.getName());
    /** How long close() waits for connection threads to finish after aborting them. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final ServerSocket serverSocket;
    private final BackendSource backends;
    private final SimServerOptions options;
    private final WireJson json = new WireJson();
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final Thread acceptThread;
    private volatile boolean closed;

    private SimServer(ServerSocket serverSocket, BackendSource backends, SimServerOptions options) {
        this.serverSocket = serverSocket;
        this.backends = backends;
        this.options = options;
        this.acceptThread = Thread.ofPlatform().daemon().name("sim-server-accept-" + serverSocket.getLocalPort())
                .unstarted(this::acceptLoop);
    }

    /** Binds and starts accepting connections. */
    public static SimServer start(BackendSource backends, SimServerOptions options) throws IOException {
        Objects.requireNonNull(backends, "backends");
        Objects.requireNonNull(options, "options");
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(options.bindAddress()), options.port()));
        } catch (IOException e) {
            socket.close();
            throw new IOException("could not listen on " + options.bindAddress() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        SimServer server = new SimServer(socket, backends, options);
        server.acceptThread.start();
        LOG.log(System.Logger.Level.DEBUG, () -> "sim-bridge server listening on " + server.address());
        return server;
    }

    /** Shares one backend between all connections, on 127.0.0.1 and an ephemeral port. */
    public static SimServer start(SimBackend shared) throws IOException {
        return start(BackendSource.shared(shared), SimServerOptions.defaults());
    }

    /** The port actually bound (the ephemeral one when the options said 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** The host a client should connect to: the bind address, or loopback when bound to all interfaces. */
    public String host() {
        InetAddress a = serverSocket.getInetAddress();
        return a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : a.getHostAddress();
    }

    public int openConnections() {
        return connections.size();
    }

    /** Connections accepted since start, closed ones included. */
    public long acceptedConnections() {
        return accepted.get();
    }

    public boolean isClosed() {
        return closed;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed on port " + port() + "; still listening", e);
                    pauseAfterFailedAccept();
                }
                continue;
            }
            accepted.incrementAndGet();
            ServerConnection connection = new ServerConnection(socket, backends, options, json, this::ended);
            connections.add(connection);
            Thread t = Thread.ofPlatform().daemon().name("sim-server-conn-" + accepted.get()).unstarted(connection);
            threads.add(t);
            t.start();
            if (closed) {
                connection.abort();
            }
        }
    }

    /** Keeps a persistent accept failure (e.g. out of file descriptors) from spinning a core. */
    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ended(ServerConnection connection) {
        connections.remove(connection);
        threads.remove(Thread.currentThread());
    }

    /**
     * Stops listening and drops every connection, including requests in flight (their clients see the
     * connection close). Backends made per connection are closed; a shared backend is left to its owner.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the listening socket failed", e);
        }
        List.copyOf(connections).forEach(ServerConnection::abort);
        long deadline = System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000;
        try {
            acceptThread.join(CLOSE_WAIT_MILLIS);
            for (Thread t : List.copyOf(threads)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left > 0) {
                    t.join(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
