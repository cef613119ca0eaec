package org.memnav.simbridge.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.protocol.ErrorCode;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.FrameReader;
import org.memnav.simbridge.protocol.FrameType;
import org.memnav.simbridge.protocol.FrameWriter;
import org.memnav.simbridge.protocol.Method;
import org.memnav.simbridge.protocol.ProtocolException;
import org.memnav.simbridge.protocol.ProtocolVersion;
import org.memnav.simbridge.protocol.WireError;
import org.memnav.simbridge.protocol.WireJson;
import org.memnav.simbridge.protocol.message.HelloParams;
import org.memnav.simbridge.protocol.message.HelloResult;

/**
 * Serves one client connection on its own thread: reads a request, answers it with a response or an
 * error frame, repeats. A frame it cannot read gets an error frame, then the connection is closed
 * gracefully (output shut down, input drained briefly) so the client can still read that error.
 */
final class ServerConnection implements Runnable {
    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());
    /** How long a connection being closed for a bad frame keeps swallowing input so the peer sees our error, not a reset. */
    private static final long DRAIN_MILLIS = 2_000;

    private final Socket socket;
    private final BackendSource backends;
    private final SimServerOptions options;
    private final WireJson json;
    private final RequestDispatcher dispatcher;
    private final Consumer<ServerConnection> onEnd;
    private final String peer;

    private volatile Thread thread;
    /** Set (under this object's lock) once the connection releases its simulator; guarded by {@code this}. */
    private boolean closing;
    private ProtocolVersion agreed;
    private BackendLease lease;

    ServerConnection(Socket socket, BackendSource backends, SimServerOptions options, WireJson json,
                     Consumer<ServerConnection> onEnd) {
        this.socket = socket;
        this.backends = backends;
        this.options = options;
        this.json = json;
        this.dispatcher = new RequestDispatcher(json);
        this.onEnd = onEnd;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try (socket) {
            socket.setTcpNoDelay(true);
            FrameReader reader = new FrameReader(new BufferedInputStream(socket.getInputStream(), 1 << 16), options.limits(), json);
            FrameWriter writer = new FrameWriter(new BufferedOutputStream(socket.getOutputStream(), 1 << 16), options.limits(), json);
            serve(reader, writer);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "connection from " + peer + " ended: " + e);
        } catch (InterruptedException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "connection from " + peer + " interrupted by server shutdown");
        } finally {
            closeLease();
            onEnd.accept(this);
        }
    }

    /**
     * Releases the connection's simulator. A server shutdown interrupts this thread to cut a request
     * short; the flag is cleared while the simulator closes (it may wait on its own threads, as the
     * GL renderer does) and set again afterwards.
     */
    private void closeLease() {
        synchronized (this) {
            closing = true; // from here on abort() no longer interrupts this thread
        }
        if (lease == null) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            lease.close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the socket and interrupts the connection's thread; used when the server shuts down. */
    void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all we wanted.
        }
        synchronized (this) {
            Thread t = thread;
            if (t != null && !closing) {
                t.interrupt();
            }
        }
    }

    private void serve(FrameReader reader, FrameWriter writer) throws IOException, InterruptedException {
        while (true) {
            Frame request;
            try {
                Optional<Frame> next = reader.read();
                if (next.isEmpty()) {
                    return;
                }
                request = next.get();
                if (request.type() != FrameType.REQUEST) {
                    throw new ProtocolException(ErrorCode.BAD_FRAME, "a server accepts only REQUEST frames, got "
                            + request.type(), request.id());
                }
            } catch (ProtocolException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "bad frame from " + peer + ": " + e);
                sendError(writer, Frame.error(e.requestId(), null, e.toWireError()));
                closeGracefully();
                return;
            }
            if (!answer(request, writer)) {
                closeGracefully();
                return;
            }
        }
    }

    /** Answers one request; false when the connection should end afterwards. */
    private boolean answer(Frame request, FrameWriter writer) throws IOException, InterruptedException {
        Method method = Method.fromWireName(request.method());
        try {
            if (method == null) {
                throw new ProtocolException(ErrorCode.UNKNOWN_METHOD, "unknown method '" + request.method() + "'; this server knows "
                        + Arrays.stream(Method.values()).map(Method::wireName).toList(), request.id());
            }
            if (method == Method.HELLO) {
                return hello(request, writer);
            }
            if (agreed == null) {
                throw new ProtocolException(ErrorCode.HANDSHAKE_REQUIRED, "send hello before " + method.wireName()
                        + " so both sides agree on the protocol version", request.id());
            }
            if (method == Method.CLOSE) {
                write(writer, Frame.response(request.id(), method.wireName(), JsonNodeFactory.instance.objectNode(), List.of()));
                return false;
            }
            RequestDispatcher.Reply reply = dispatcher.dispatch(method, request, lease());
            write(writer, Frame.response(request.id(), method.wireName(), reply.result(), reply.blobs()));
            return true;
        } catch (ProtocolException e) {
            sendError(writer, Frame.error(request.id(), request.method(), e.toWireError()));
            return e.code() != ErrorCode.UNSUPPORTED_VERSION;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed to answer " + request.method() + " from " + peer, e);
            sendError(writer, Frame.error(request.id(), request.method(), WireError.of(
                    ErrorCode.INTERNAL_ERROR, "server failed to answer " + request.method() + ": " + e)));
            return true;
        }
    }

    private boolean hello(Frame request, FrameWriter writer) throws ProtocolException, IOException, InterruptedException {
        // Read by hand rather than mapped: the version must be judged even when the rest is laid out for another major.
        HelloParams params = new HelloParams(request.field("protocol").asText(null), request.field("client").asText(""));
        ProtocolVersion client;
        try {
            client = ProtocolVersion.parse(params.protocol());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "hello params: " + e.getMessage(), request.id());
        }
        if (!client.sameMajor(ProtocolVersion.CURRENT)) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "client speaks protocol " + client + " but this server ("
                    + options.serverName() + ") speaks " + ProtocolVersion.CURRENT + "; the major versions must match", request.id());
        }
        ProtocolVersion version = ProtocolVersion.CURRENT.agreeWith(client);
        BackendLease backend = lease();
        Capabilities offered = RequestDispatcher.invoke(backend, Method.HELLO, SimBackend::capabilities);
        Capabilities capabilities = new Capabilities(version.toString(), offered.simulator(), offered.agent(), offered.sensor(),
                offered.sensors(), offered.actions());
        agreed = version;
        HelloResult result = new HelloResult(version.toString(), options.serverName(), capabilities,
                options.limits().maxHeaderBytes(), options.limits().maxPayloadBytes());
        write(writer, Frame.response(request.id(), Method.HELLO.wireName(), json.toObject(result), List.of()));
        LOG.log(System.Logger.Level.DEBUG, () -> peer + " agreed on protocol " + version + " (client '" + params.client() + "')");
        return true;
    }

    private BackendLease lease() throws ProtocolException {
        if (lease == null) {
            try {
                lease = backends.acquire();
            } catch (RuntimeException e) {
                throw new ProtocolException(ErrorCode.BACKEND_ERROR, "could not start a simulator: " + RequestDispatcher.messageOf(e), 0, e);
            }
        }
        return lease;
    }

    /** Writes a reply; one over our own limits is replaced by a frame_too_large error so the client is not left waiting. */
    private void write(FrameWriter writer, Frame frame) throws IOException {
        try {
            writer.write(version(), frame);
        } catch (ProtocolException e) {
            sendError(writer, Frame.error(frame.id(), frame.method(), e.toWireError()));
        }
    }

    private void sendError(FrameWriter writer, Frame error) throws IOException {
        try {
            writer.write(version(), error);
        } catch (ProtocolException e) {
            throw new IllegalStateException("an error frame exceeded the frame limits", e);
        }
    }

    private ProtocolVersion version() {
        return agreed == null ? ProtocolVersion.CURRENT : agreed;
    }

    private void closeGracefully() {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(200);
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[1 << 16];
            long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
            while (System.nanoTime() < deadline) {
                try {
                    if (in.read(sink) < 0) {
                        return;
                    }
                } catch (SocketTimeoutException e) {
                    // Keep draining until the deadline; the peer may still be sending a rejected payload.
                }
            }
        } catch (IOException ignored) {
            // The socket is closed by run() either way.
        }
    }
}
