package org.memnav.simbridge.protocol;

import java.util.Objects;

/** The {@code error} object of an ERROR frame. {@code code} is kept as a string: a newer peer may send codes we do not know. */
public record WireError(String code, String message) {
    public WireError {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
    }

    public static WireError of(ErrorCode code, String message) {
        return new WireError(code.wireName(), message);
    }
}
