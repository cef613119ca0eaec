package org.memnav.simbridge.protocol;

/**
 * Wire protocol version. On the wire it is one u16, {@code major << 8 | minor}. Peers must share
 * the major version; of two minors they speak the lower one (minor versions only add optional things).
 */
public record ProtocolVersion(int major, int minor) {

    /** The version this implementation speaks. */
    public static final ProtocolVersion CURRENT = new ProtocolVersion(1, 0);

    public ProtocolVersion {
        if (major < 0 || major > 255 || minor < 0 || minor > 255) {
            throw new IllegalArgumentException("protocol version parts must be 0..255, got " + major + "." + minor);
        }
    }

    public int toWire() {
        return major << 8 | minor;
    }

    public static ProtocolVersion fromWire(int u16) {
        return new ProtocolVersion((u16 >>> 8) & 0xFF, u16 & 0xFF);
    }

    /** Parses "MAJOR.MINOR" as sent in the hello message. */
    public static ProtocolVersion parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("protocol version must look like '1.0', got '" + text + "'");
        }
        try {
            return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("protocol version must look like '1.0', got '" + text + "'", e);
        }
    }

    public boolean sameMajor(ProtocolVersion other) {
        return major == other.major;
    }

    /** The version two peers of the same major speak: the lower minor. */
    public ProtocolVersion agreeWith(ProtocolVersion peer) {
        if (!sameMajor(peer)) {
            throw new IllegalArgumentException("protocol " + this + " and " + peer + " differ in the major version");
        }
        return minor <= peer.minor ? this : peer;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
