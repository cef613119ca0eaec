package org.memnav.simbridge.server;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.memnav.simbridge.api.SimBackend;

/** Where each connection's simulator comes from. */
public interface BackendSource {

    /** A backend for one connection, called when the connection first needs it (at hello). */
    BackendLease acquire();

    /**
     * All connections share one backend, one call at a time. The caller keeps ownership: neither a
     * client's close nor the server's close closes it.
     */
    static BackendSource shared(SimBackend backend) {
        Objects.requireNonNull(backend, "backend");
        ReentrantLock lock = new ReentrantLock(true);
        return () -> new LockedBackend(backend, lock, false);
    }

    /** Each connection gets a fresh backend from the factory; it is closed when the connection ends. */
    static BackendSource perConnection(Supplier<? extends SimBackend> factory) {
        Objects.requireNonNull(factory, "factory");
        return () -> {
            SimBackend backend = Objects.requireNonNull(factory.get(), "backend factory returned null");
            return new LockedBackend(backend, new ReentrantLock(), true);
        };
    }
}
