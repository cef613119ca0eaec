package org.memnav.simbridge.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.protocol.Frame;

/**
 * Requests sent on one connection and not yet answered, by request id. A response whose id is no
 * longer here (its caller timed out) is dropped.
 */
final class PendingCalls {

    /**
     * One outstanding request: the method it called, for messages, where its answer goes, and the buffers
     * its answer's blobs are read into (null: fresh arrays).
     */
    record PendingCall(String method, CompletableFuture<Frame> answer, ReceiveBuffers buffers) {
    }

    private final Map<Long, PendingCall> calls = new ConcurrentHashMap<>();

    PendingCall register(long id, String method, ReceiveBuffers buffers) {
        PendingCall call = new PendingCall(method, new CompletableFuture<>(), buffers);
        calls.put(id, call);
        return call;
    }

    /**
     * The array the reader fills with blob {@code blobName} of the answer to {@code id}: one of the caller's lent
     * buffers, or a fresh array when the call lent none or nobody waits for it any more (a late answer must not
     * overwrite buffers a later call reads).
     */
    byte[] arrayFor(long id, String blobName, int length) {
        PendingCall call = calls.get(id);
        return call != null && call.buffers() != null ? call.buffers().arrayFor(blobName, length) : new byte[length];
    }

    void forget(long id) {
        calls.remove(id);
    }

    /** Hands a response or error frame to its caller; false when nobody waits for that id any more. */
    boolean complete(Frame frame) {
        PendingCall call = calls.remove(frame.id());
        return call != null && call.answer().complete(frame);
    }

    /** Fails every outstanding call; {@code failure} builds each exception from the call's method name. */
    void failAll(Function<String, SimException> failure) {
        for (Long id : List.copyOf(calls.keySet())) {
            PendingCall call = calls.remove(id);
            if (call != null) {
                call.answer().completeExceptionally(failure.apply(call.method()));
            }
        }
    }
}
