package org.memnav.simbridge.server;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.memnav.simbridge.api.SimBackend;

/** A lease whose calls take a lock, shared by all leases of one backend; closes the backend only if it owns it. */
final class LockedBackend implements BackendLease {
    private static final System.Logger LOG = System.getLogger(LockedBackend.class.getName());

    private final SimBackend backend;
    private final ReentrantLock lock;
    private final boolean owned;

    LockedBackend(SimBackend backend, ReentrantLock lock, boolean owned) {
        this.backend = backend;
        this.lock = lock;
        this.owned = owned;
    }

    @Override
    public <T> T call(Function<SimBackend, T> call) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            return call.apply(backend);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        lock.lock();
        try {
            backend.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the simulator failed", e);
        } finally {
            lock.unlock();
        }
    }
}
