package org.memnav.recordings.mcap;

import java.util.HexFormat;

/** The 8 bytes that open and close every MCAP file: 0x89 'M' 'C' 'A' 'P' '0' '\r' '\n'. */
final class McapMagic {
    static final int LENGTH = 8;
    private static final byte[] BYTES = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};

    private McapMagic() {
    }

    static void writeTo(LittleEndianBuffer out) {
        out.bytes(BYTES);
    }

    static boolean matches(byte[] data, int offset) {
        if (data.length - offset < LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (data[offset + i] != BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    /** Explains why {@code data} is not the magic, for error messages. */
    static String describeMismatch(byte[] data, int offset) {
        int n = Math.min(LENGTH, data.length - offset);
        String found = HexFormat.ofDelimiter(" ").formatHex(data, offset, offset + n);
        boolean mcapOtherVersion = n == LENGTH && data[offset] == (byte) 0x89 && data[offset + 1] == 'M'
                && data[offset + 2] == 'C' && data[offset + 3] == 'A' && data[offset + 4] == 'P';
        if (mcapOtherVersion) {
            return "unsupported MCAP major version '" + (char) data[offset + 5] + "' (only '0' is supported)";
        }
        return "not an MCAP file: expected magic 89 4D 43 41 50 30 0D 0A, found " + (n == 0 ? "nothing" : found);
    }
}
