package org.memnav.simbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Raw loopback TCP on this machine, no protocol: the ceiling the bridge is measured against. The
 * same socket options as the bridge (TCP_NODELAY), plain blocking streams, pre-allocated buffers.
 */
public final class LoopbackProbe {
    private static final long SERVER_WAIT_SECONDS = 120;

    private LoopbackProbe() {
    }

    /** Bytes per second one connection carries when the sender writes {@code frames} blocks of {@code frameBytes} back to back. */
    public static double streamBytesPerSecond(int frameBytes, int frames) throws IOException {
        byte[] block = new byte[frameBytes];
        try (ServerSocket listener = listen()) {
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> serve(listener, (in, out) -> {
                if (in.read() < 0) {
                    return; // the reader's go byte
                }
                for (int i = 0; i < frames; i++) {
                    out.write(block);
                }
                out.flush();
            }), LoopbackProbe::onOwnThread);
            try (Socket s = connect(listener)) {
                InputStream in = s.getInputStream();
                byte[] sink = new byte[frameBytes];
                long t0 = System.nanoTime();
                s.getOutputStream().write(1);
                for (int i = 0; i < frames; i++) {
                    readFully(in, sink);
                }
                long elapsed = System.nanoTime() - t0;
                await(sender);
                return (double) frameBytes * frames / (elapsed / 1e9);
            }
        }
    }

    /**
     * Round trips of a request of {@code requestBytes} answered by {@code responseBytes}: the shape of a
     * protocol call without the protocol. The first {@code warmup} rounds are not measured.
     */
    public static RoundTrips requestResponse(int requestBytes, int responseBytes, int rounds, int warmup) throws IOException {
        byte[] request = new byte[requestBytes];
        byte[] response = new byte[responseBytes];
        try (ServerSocket listener = listen()) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> serve(listener, (in, out) -> {
                byte[] got = new byte[requestBytes];
                for (int i = 0; i < rounds + warmup; i++) {
                    readFully(in, got);
                    out.write(response);
                    out.flush();
                }
            }), LoopbackProbe::onOwnThread);
            long[] nanos = new long[rounds];
            try (Socket s = connect(listener)) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] answer = new byte[responseBytes];
                for (int i = 0; i < rounds + warmup; i++) {
                    long t0 = System.nanoTime();
                    out.write(request);
                    out.flush();
                    readFully(in, answer);
                    if (i >= warmup) {
                        nanos[i - warmup] = System.nanoTime() - t0;
                    }
                }
            }
            await(server);
            return new RoundTrips(nanos);
        }
    }

    private interface Exchange {
        void run(InputStream in, OutputStream out) throws IOException;
    }

    /** The probe's server blocks on I/O, so it gets a thread of its own rather than a pool's. */
    private static void onOwnThread(Runnable task) {
        Thread.ofPlatform().daemon().name("loopback-probe").start(task);
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return listener;
    }

    private static Socket connect(ServerSocket listener) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        s.setTcpNoDelay(true);
        return s;
    }

    private static void serve(ServerSocket listener, Exchange exchange) {
        try (Socket s = listener.accept()) {
            s.setTcpNoDelay(true);
            exchange.run(s.getInputStream(), s.getOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException("loopback probe server failed: " + e.getMessage(), e);
        }
    }

    private static void readFully(InputStream in, byte[] buffer) throws IOException {
        if (in.readNBytes(buffer, 0, buffer.length) < buffer.length) {
            throw new IOException("loopback peer closed early");
        }
    }

    private static void await(CompletableFuture<Void> task) throws IOException {
        try {
            task.get(SERVER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("loopback probe failed: " + e.getMessage(), e);
        }
    }
}
