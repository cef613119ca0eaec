package org.memnav.simbridge.protocol;

/**
 * Error codes carried in ERROR frames and in {@code SimException.code()}. A receiver that cannot
 * read a frame (bad_magic .. bad_json) answers with an ERROR frame and closes the connection,
 * because it can no longer find the next frame boundary; the other codes leave the connection open.
 */
public enum ErrorCode {
    /** The first four bytes are not the protocol magic (e.g. an HTTP client hit the port). */
    BAD_MAGIC("bad_magic"),
    /** The peer speaks another major version. */
    UNSUPPORTED_VERSION("unsupported_version"),
    /** Structurally invalid frame: unknown type, truncated, bad header fields, invalid blob table. */
    BAD_FRAME("bad_frame"),
    /** A length over the receiver's limit; or, sent in place of a reply, a reply over the sender's own limit. */
    FRAME_TOO_LARGE("frame_too_large"),
    /** Header is not UTF-8 JSON, or not a JSON object. */
    BAD_JSON("bad_json"),
    /** A request other than hello arrived before the hello handshake. */
    HANDSHAKE_REQUIRED("handshake_required"),
    /** The method name is not one this server knows. */
    UNKNOWN_METHOD("unknown_method"),
    /** Well-formed frame whose params or result do not fit the method (missing field, wrong blob shape...). */
    BAD_MESSAGE("bad_message"),
    /** The simulator behind the server threw; the message is the simulator's. */
    BACKEND_ERROR("backend_error"),
    /** The server failed to encode its own reply; a bug in the server. */
    INTERNAL_ERROR("internal_error"),
    /** Client side: no response within the request timeout. */
    TIMEOUT("timeout"),
    /** Client side: the connection is closed or was closed while a request was in flight. */
    CLOSED("closed"),
    /** Client side: the TCP connection could not be opened. */
    CONNECT_FAILED("connect_failed"),
    /** Client side: the calling thread was interrupted while waiting for a response. */
    INTERRUPTED("interrupted");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The code with this wire name, or null for a code this version does not know. */
    public static ErrorCode fromWireName(String name) {
        for (ErrorCode c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
