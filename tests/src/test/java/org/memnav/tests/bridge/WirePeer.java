package org.memnav.tests.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.memnav.simbridge.client.SimEndpoint;
import org.memnav.simbridge.protocol.Frame;
import org.memnav.simbridge.protocol.FrameLimits;
import org.memnav.simbridge.protocol.FrameReader;
import org.memnav.simbridge.protocol.FrameWriter;
import org.memnav.simbridge.protocol.ProtocolException;
import org.memnav.simbridge.protocol.ProtocolVersion;
import org.memnav.simbridge.protocol.WireJson;

/** A bare socket to a server: sends hand-made (often broken) bytes or frames and reads what comes back. */
final class WirePeer implements AutoCloseable {
    static final int MAGIC = 0x56414E4D;
    static final int V1_0 = 0x0100;
    static final int REQUEST = 1;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final WireJson json = new WireJson();
    private long nextId = 1;

    WirePeer(SimEndpoint endpoint) throws IOException {
        socket = new Socket(endpoint.host(), endpoint.port());
        socket.setSoTimeout(20_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
        reader = new FrameReader(in, FrameLimits.defaults(), json);
        writer = new FrameWriter(out, FrameLimits.defaults(), json);
    }

    /** A frame whose prefix may claim other lengths than the bytes that follow. */
    static byte[] frame(int magic, int version, int type, long headerLen, long payloadLen, byte[] header, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + header.length + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(magic).putShort((short) version).putShort((short) type).putInt((int) headerLen).putLong(payloadLen);
        return b.put(header).put(payload).array();
    }

    static byte[] request(String headerJson, byte[] payload) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        return frame(MAGIC, V1_0, REQUEST, header.length, payload.length, header, payload);
    }

    ObjectNode params() {
        return json.mapper().createObjectNode();
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    void send(long id, String method, ObjectNode params) throws IOException, ProtocolException {
        writer.write(ProtocolVersion.CURRENT, Frame.request(id, method, params, List.of()));
    }

    Frame request(String method, ObjectNode params) throws IOException, ProtocolException {
        long id = nextId++;
        send(id, method, params);
        return read().orElseThrow(() -> new IOException("server closed the connection instead of answering " + method));
    }

    Frame hello(String protocol) throws IOException, ProtocolException {
        return request("hello", params().put("protocol", protocol).put("client", "conformance-suite"));
    }

    Optional<Frame> read() throws IOException, ProtocolException {
        return reader.read();
    }

    /** True when the server has closed its side: the next read sees the end of the stream. */
    boolean serverClosed() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
