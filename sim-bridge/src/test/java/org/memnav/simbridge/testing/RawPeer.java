package org.memnav.simbridge.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import org.memnav.simbridge.protocol.Blob;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.FrameLimits;
import org.memnav.simbridge.protocol.FrameReader;
import org.memnav.simbridge.protocol.FrameWriter;
import org.memnav.simbridge.protocol.ProtocolException;
import org.memnav.simbridge.protocol.ProtocolVersion;
import org.memnav.simbridge.protocol.WireJson;

/** A bare socket to a server for tests that send hand-made (often broken) bytes and read what comes back. */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final WireJson json = new WireJson();
    private long nextId = 1;

    public RawPeer(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
        reader = new FrameReader(in, FrameLimits.defaults(), json);
        writer = new FrameWriter(out, FrameLimits.defaults(), json);
    }

    public WireJson json() {
        return json;
    }

    public void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Ends our sending side, as a peer that stopped mid-frame would. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    public void send(ProtocolVersion version, Frame frame) throws IOException, ProtocolException {
        writer.write(version, frame);
    }

    public Frame request(String method, ObjectNode params) throws IOException, ProtocolException {
        long id = nextId++;
        send(ProtocolVersion.CURRENT, Frame.request(id, method, params, List.<Blob>of()));
        return read().orElseThrow(() -> new IOException("server closed the connection instead of answering " + method));
    }

    public Frame hello() throws IOException, ProtocolException {
        return request("hello", json.mapper().createObjectNode().put("protocol", "1.0").put("client", "raw-peer"));
    }

    public Optional<Frame> read() throws IOException, ProtocolException {
        return reader.read();
    }

    /** True when the server has closed its side: the next read sees the end of the stream. */
    public boolean serverClosed() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
