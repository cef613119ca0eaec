package org.memnav.simbridge.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.protocol.ErrorCode;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.FrameReader;
import org.memnav.simbridge.protocol.FrameType;
import org.memnav.simbridge.protocol.FrameWriter;
import org.memnav.simbridge.protocol.Method;
import org.memnav.simbridge.protocol.ProtocolException;
import org.memnav.simbridge.protocol.ProtocolVersion;
import org.memnav.simbridge.protocol.WireJson;

/**
 * One TCP connection to a server. Callers on any thread send requests; a reader thread matches
 * responses to them by id, so a slow answer never blocks other callers' reads. Once the connection
 * fails, every waiting and later call fails with a {@link SimException} saying how.
 */
final class ClientConnection {
    private static final System.Logger LOG = System.getLogger(ClientConnection.class.getName());

    private final SimEndpoint endpoint;
    private final Socket socket;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final PendingCalls pending = new PendingCalls();
    private final AtomicLong nextId = new AtomicLong();
    private volatile ProtocolVersion version = ProtocolVersion.CURRENT;
    /** Set once the connection is unusable; the first reason wins. */
    private final AtomicReference<ConnectionFailure> failure = new AtomicReference<>();
    private volatile boolean closing;

    private ClientConnection(SimEndpoint endpoint, Socket socket, SimClientOptions options, WireJson json) throws IOException {
        this.endpoint = endpoint;
        this.socket = socket;
        this.reader = new FrameReader(new BufferedInputStream(socket.getInputStream(), 1 << 16), options.limits(), json);
        this.writer = new FrameWriter(new BufferedOutputStream(socket.getOutputStream(), 1 << 16), options.limits(), json);
    }

    static ClientConnection open(SimEndpoint endpoint, SimClientOptions options, WireJson json) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) options.connectTimeout().toMillis());
            ClientConnection connection = new ClientConnection(endpoint, socket, options, json);
            // A platform thread: a virtual one parks on every partial read of a large frame (see SimServer).
            Thread.ofPlatform().daemon().name("sim-client-reader-" + endpoint.address()).start(connection::readLoop);
            return connection;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new SimException(ErrorCode.CONNECT_FAILED.wireName(), "could not connect to simulator at " + endpoint.address()
                    + " within " + options.connectTimeout().toMillis() + " ms: " + describe(e), e);
        }
    }

    /** Frames sent from now on carry this version (the one agreed in hello). */
    void useVersion(ProtocolVersion agreed) {
        version = agreed;
    }

    boolean isOpen() {
        return failure.get() == null;
    }

    /**
     * Sends a request and waits for its response.
     *
     * @return the RESPONSE frame
     * @throws SimException for an ERROR frame (with the server's code), a timeout, or a failed connection
     */
    Frame call(String method, ObjectNode params, Duration timeout) {
        return call(method, params, timeout, null);
    }

    /** As {@link #call(String, ObjectNode, Duration)}, reading the response's blobs into {@code buffers} (null: fresh arrays). */
    Frame call(String method, ObjectNode params, Duration timeout, ReceiveBuffers buffers) {
        throwIfFailed(method);
        long id = nextId.incrementAndGet();
        PendingCalls.PendingCall call = pending.register(id, method, buffers);
        // The connection may have failed after the check above but before the call was registered.
        if (failure.get() != null) {
            pending.forget(id);
            throwIfFailed(method);
        }
        try {
            writer.write(version, Frame.request(id, method, params, List.of()));
        } catch (ProtocolException e) {
            pending.forget(id);
            throw new SimException(e.code().wireName(), method + " request could not be sent: " + e.getMessage(), e);
        } catch (IOException e) {
            // Our call is registered, so fail() completes it with the in-flight wording and await() returns at once.
            fail(lost(e));
        }
        Frame answer = await(call, id, method, timeout);
        if (answer.type() == FrameType.ERROR) {
            throw new SimException(answer.error().code(), method + " failed on simulator at " + endpoint.address() + " ("
                    + answer.error().code() + "): " + answer.error().message());
        }
        return answer;
    }

    private void throwIfFailed(String method) {
        ConnectionFailure failed = failure.get();
        if (failed != null) {
            throw failed.afterwards(method);
        }
    }

    private Frame await(PendingCalls.PendingCall call, long id, String method, Duration timeout) {
        try {
            return call.answer().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.forget(id);
            throw new SimException(ErrorCode.TIMEOUT.wireName(), "no response to " + method + " within " + timeout.toMillis()
                    + " ms from simulator at " + endpoint.address());
        } catch (InterruptedException e) {
            pending.forget(id);
            Thread.currentThread().interrupt();
            throw new SimException(ErrorCode.INTERRUPTED.wireName(), "interrupted while waiting for " + method
                    + " from simulator at " + endpoint.address(), e);
        } catch (ExecutionException e) {
            // Re-thrown as a new exception so the stack trace shows the caller, with the reader's as cause.
            SimException cause = (SimException) e.getCause();
            throw new SimException(cause.code(), cause.getMessage(), cause);
        }
    }

    /**
     * Ends the connection: asks the server to close (waiting at most {@code wait}), then closes the
     * socket. Never throws; a connection that already failed is just closed.
     */
    void close(Duration wait) {
        closing = true;
        if (isOpen()) {
            try {
                call(Method.CLOSE.wireName(), JsonNodeFactory.instance.objectNode(), wait);
            } catch (SimException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "close request to " + endpoint.address() + " failed: " + e.getMessage());
            }
        }
        fail(closedByClient());
    }

    /** Closes the socket without asking the server; for a connection whose handshake failed. */
    void abandon() {
        closing = true;
        fail(closedByClient());
    }

    private void readLoop() {
        try {
            while (true) {
                Optional<Frame> next = reader.read(pending::arrayFor);
                if (next.isEmpty()) {
                    fail(closing ? closedByClient() : new ConnectionFailure(ErrorCode.CLOSED.wireName(),
                            "simulator at " + endpoint.address() + " closed the connection", "", false, null));
                    return;
                }
                Frame frame = next.get();
                if (frame.type() == FrameType.ERROR && frame.id() == 0) {
                    String code = frame.error().code();
                    fail(new ConnectionFailure(code, "simulator at " + endpoint.address() + " ended the connection",
                            " (" + code + "): " + frame.error().message(), false, null));
                    return;
                }
                if (frame.type() == FrameType.RESPONSE || frame.type() == FrameType.ERROR) {
                    if (!pending.complete(frame)) {
                        LOG.log(System.Logger.Level.DEBUG, () -> "dropped a late answer to request " + frame.id() + " (" + frame.method() + ")");
                    }
                } else if (frame.type() == FrameType.REQUEST) {
                    throw new ProtocolException(ErrorCode.BAD_FRAME, "a server must not send REQUEST frames");
                }
                // EVENT frames are reserved for later versions; 1.0 clients ignore them.
            }
        } catch (ProtocolException e) {
            fail(new ConnectionFailure(e.code().wireName(), "simulator at " + endpoint.address()
                    + " sent a frame this client cannot read", ": " + e.getMessage(), false, e));
        } catch (IOException e) {
            fail(lost(e));
        } catch (RuntimeException e) {
            fail(new ConnectionFailure(ErrorCode.CLOSED.wireName(), "reading from simulator at " + endpoint.address() + " failed",
                    ": " + e, false, e));
        }
    }

    private ConnectionFailure lost(IOException e) {
        if (closing) {
            return closedByClient();
        }
        return new ConnectionFailure(ErrorCode.CLOSED.wireName(), "simulator at " + endpoint.address() + " closed the connection",
                " (" + describe(e) + ")", false, e);
    }

    private ConnectionFailure closedByClient() {
        return new ConnectionFailure(ErrorCode.CLOSED.wireName(), "connection to simulator at " + endpoint.address()
                + " was closed by this client", "", true, null);
    }

    /** Marks the connection failed (first reason wins), closes the socket and fails everything waiting. */
    private void fail(ConnectionFailure reason) {
        failure.compareAndSet(null, reason);
        closeQuietly(socket);
        ConnectionFailure first = failure.get();
        pending.failAll(first::inFlight);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }
}
