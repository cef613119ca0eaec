package org.memnav.simbridge.protocol;

/** The {@code type} field of the frame prefix. EVENT is reserved for server-initiated notifications. */
public enum FrameType {
    REQUEST(1), RESPONSE(2), ERROR(3), EVENT(4);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code, or null when the code is not one of ours. */
    public static FrameType fromCode(int code) {
        for (FrameType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
