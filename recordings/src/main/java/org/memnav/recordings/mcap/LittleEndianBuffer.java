package org.memnav.recordings.mcap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Growable byte buffer with the little-endian primitives MCAP records are built from. */
final class LittleEndianBuffer {
    private byte[] bytes;
    private int size;

    LittleEndianBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    /** The backing array; only the first {@link #size()} bytes are meaningful. */
    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void reset() {
        size = 0;
    }

    /** Drops everything after the first {@code newSize} bytes. */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " bytes to " + newSize);
        }
        size = newSize;
    }

    LittleEndianBuffer u8(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
        return this;
    }

    LittleEndianBuffer u16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("value " + v + " does not fit in uint16");
        }
        ensure(2);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >>> 8);
        return this;
    }

    LittleEndianBuffer u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("value " + v + " does not fit in uint32");
        }
        ensure(4);
        putU32At(size, v);
        size += 4;
        return this;
    }

    /** Writes the 64 bits of {@code v} as an unsigned value (timestamps may use the full range). */
    LittleEndianBuffer u64(long v) {
        ensure(8);
        putU64At(size, v);
        size += 8;
        return this;
    }

    LittleEndianBuffer bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    LittleEndianBuffer bytes(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** MCAP String: uint32 byte length, then UTF-8. */
    LittleEndianBuffer string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        return bytes(utf8);
    }

    /** uint32 length-prefixed Bytes. */
    LittleEndianBuffer prefixedBytes(byte[] data) {
        u32(data.length);
        return bytes(data);
    }

    /** MCAP Map&lt;string, string&gt;, keys sorted so equal maps serialize identically. */
    LittleEndianBuffer stringMap(Map<String, String> map) {
        int lengthAt = size;
        u32(0);
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            string(e.getKey());
            string(e.getValue());
        }
        putU32At(lengthAt, size - lengthAt - 4);
        return this;
    }

    /** MCAP Map&lt;uint16, uint64&gt;. */
    LittleEndianBuffer u16ToU64Map(Map<Integer, Long> map) {
        u32(10L * map.size());
        for (Map.Entry<Integer, Long> e : new TreeMap<>(map).entrySet()) {
            u16(e.getKey());
            u64(e.getValue());
        }
        return this;
    }

    /** Starts a record: opcode and a length placeholder. Returns the handle for {@link #endRecord}. */
    int beginRecord(int opcode) {
        int start = size;
        u8(opcode);
        u64(0);
        return start;
    }

    /** Fills in the content length of the record begun at {@code start}; returns the record's total length. */
    int endRecord(int start) {
        int total = size - start;
        putU64At(start + 1, total - Opcode.RECORD_PREFIX_BYTES);
        return total;
    }

    private void putU32At(int at, long v) {
        bytes[at] = (byte) v;
        bytes[at + 1] = (byte) (v >>> 8);
        bytes[at + 2] = (byte) (v >>> 16);
        bytes[at + 3] = (byte) (v >>> 24);
    }

    private void putU64At(int at, long v) {
        for (int i = 0; i < 8; i++) {
            bytes[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private void ensure(int extra) {
        long needed = (long) size + extra;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("record buffer would exceed 2 GiB");
        }
        if (needed > bytes.length) {
            long grown = Math.max(needed, Math.min((long) bytes.length * 2, Integer.MAX_VALUE - 16));
            bytes = Arrays.copyOf(bytes, (int) grown);
        }
    }
}
