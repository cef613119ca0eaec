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

    /** One outstanding request: the method it called, for messages, and where its answer goes. */
    record PendingCall(String method, CompletableFuture<Frame> answer) {
    }

    private final Map<Long, PendingCall> calls = new ConcurrentHashMap<>();

    PendingCall register(long id, String method) {
        PendingCall call = new PendingCall(method, new CompletableFuture<>());
        calls.put(id, call);
        return call;
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
