package org.memnav.simbridge.api;

/** A simulator request failed; {@code code} is the protocol error code (see PROTOCOL.md). */
public class SimException extends RuntimeException {
    private final String code;

    public SimException(String code, String message) {
        super(message);
        this.code = code;
    }

    public SimException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
