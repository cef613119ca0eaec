package org.memnav.simbridge.protocol;

/**
 * A frame or message broke the protocol. {@code requestId} is the id of the request it concerns when
 * that was readable, else 0, so the error frame sent back can name it.
 */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long requestId;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, 0, null);
    }

    public ProtocolException(ErrorCode code, String message, long requestId) {
        this(code, message, requestId, null);
    }

    public ProtocolException(ErrorCode code, String message, long requestId, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.requestId = requestId;
    }

    public ErrorCode code() {
        return code;
    }

    public long requestId() {
        return requestId;
    }

    /** The same failure tied to a request id learnt after it was thrown. */
    public ProtocolException forRequest(long id) {
        return requestId == id ? this : new ProtocolException(code, getMessage(), id, getCause());
    }

    public WireError toWireError() {
        return new WireError(code.wireName(), getMessage());
    }

    @Override
    public String toString() {
        return code.wireName() + ": " + getMessage();
    }
}
