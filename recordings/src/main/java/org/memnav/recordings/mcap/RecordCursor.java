package org.memnav.recordings.mcap;

/**
 * Walks the {@code <opcode><uint64 length><content>} records laid end to end in a byte array, refusing
 * any record whose length runs past the end of the array.
 */
final class RecordCursor {
    private final byte[] data;
    private final int end;
    private final ByteOrigin origin;
    private int next;
    private int recordStart = -1;
    private int opcode;
    private int contentStart;
    private int contentEnd;

    RecordCursor(byte[] data, int start, int end, ByteOrigin origin) {
        this.data = data;
        this.next = start;
        this.end = end;
        this.origin = origin;
    }

    /** Moves to the next record; false when the data is used up. */
    boolean next() {
        if (next >= end) {
            return false;
        }
        if (end - next < Opcode.RECORD_PREFIX_BYTES) {
            throw origin.problem(next, "record prefix cut off: " + (end - next) + " bytes left, 9 needed");
        }
        LittleEndianReader prefix = new LittleEndianReader(data, next, next + Opcode.RECORD_PREFIX_BYTES, origin);
        int op = prefix.u8();
        long length = prefix.u64();
        long available = end - next - Opcode.RECORD_PREFIX_BYTES;
        if (length < 0 || length > available) {
            throw origin.problem(next, Opcode.name(op) + " record claims " + Long.toUnsignedString(length)
                    + " content bytes but only " + available + " remain");
        }
        recordStart = next;
        opcode = op;
        contentStart = next + Opcode.RECORD_PREFIX_BYTES;
        contentEnd = contentStart + (int) length;
        next = contentEnd;
        return true;
    }

    int opcode() {
        return opcode;
    }

    int recordStart() {
        return recordStart;
    }

    LittleEndianReader content() {
        return new LittleEndianReader(data, contentStart, contentEnd, origin);
    }
}
