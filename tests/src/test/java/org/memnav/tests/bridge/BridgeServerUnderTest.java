package org.memnav.tests.bridge;

import org.memnav.simbridge.client.SimEndpoint;

/** A sim-bridge server the conformance suite talks to, however it is implemented and wherever it runs. */
interface BridgeServerUnderTest extends AutoCloseable {

    SimEndpoint endpoint();

    /** Ends the server abruptly, as a crash would: connections drop, requests in flight get no answer. */
    void kill();

    /** Stops the server the normal way. */
    @Override
    void close();
}
