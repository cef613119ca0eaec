package org.memnav.simbridge.server;

import java.util.function.Function;
import org.memnav.simbridge.api.SimBackend;

/** One connection's use of a backend. Calls are serialised: a simulator is single-threaded. */
public interface BackendLease extends AutoCloseable {

    /**
     * Runs one call with exclusive access to the backend.
     *
     * @throws InterruptedException the server is shutting down while this waited for another connection's call
     */
    <T> T call(Function<SimBackend, T> call) throws InterruptedException;

    /** Ends this connection's use: a backend made for the connection is closed, a shared one is left open. */
    @Override
    void close();
}
