package org.memnav.recordings.mcap;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounds-checked little-endian cursor over part of a byte array. Every length read from the data is
 * checked against what is left before anything is allocated, so a corrupt length cannot exhaust memory.
 */
final class LittleEndianReader {
    private final byte[] data;
    private final int end;
    private final ByteOrigin origin;
    private int position;

    LittleEndianReader(byte[] data, int start, int end, ByteOrigin origin) {
        if (start < 0 || end > data.length || start > end) {
            throw new IllegalArgumentException("bad slice [" + start + ", " + end + ") of " + data.length + " bytes");
        }
        this.data = data;
        this.position = start;
        this.end = end;
        this.origin = origin;
    }

    LittleEndianReader(byte[] data, ByteOrigin origin) {
        this(data, 0, data.length, origin);
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    McapFormatException problem(String message) {
        return origin.problem(position, message);
    }

    McapFormatException problemAt(int at, String message) {
        return origin.problem(at, message);
    }

    int u8() {
        require(1, "uint8");
        return data[position++] & 0xFF;
    }

    int u16() {
        require(2, "uint16");
        int v = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
        position += 2;
        return v;
    }

    long u32() {
        require(4, "uint32");
        long v = (data[position] & 0xFFL) | (data[position + 1] & 0xFFL) << 8
                | (data[position + 2] & 0xFFL) << 16 | (data[position + 3] & 0xFFL) << 24;
        position += 4;
        return v;
    }

    /** The raw 64 bits; callers treat the value as unsigned. */
    long u64() {
        require(8, "uint64");
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (data[position + i] & 0xFFL);
        }
        position += 8;
        return v;
    }

    /** A uint64 that must be a usable non-negative size or offset. */
    long u64Length(String what) {
        int at = position;
        long v = u64();
        if (v < 0) {
            throw problemAt(at, what + " " + Long.toUnsignedString(v) + " is impossibly large");
        }
        return v;
    }

    byte[] bytes(long n, String what) {
        if (n < 0 || n > remaining()) {
            throw problem(what + " needs " + n + " bytes but only " + remaining() + " remain");
        }
        byte[] out = new byte[(int) n];
        System.arraycopy(data, position, out, 0, (int) n);
        position += (int) n;
        return out;
    }

    byte[] prefixedBytes(String what) {
        long n = u32();
        return bytes(n, what);
    }

    String string(String what) {
        int at = position;
        long n = u32();
        if (n > remaining()) {
            throw problemAt(at, what + " string claims " + n + " bytes but only " + remaining() + " remain");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, position, (int) n)).toString();
            position += (int) n;
            return s;
        } catch (CharacterCodingException e) {
            throw problemAt(at, what + " is not valid UTF-8");
        }
    }

    Map<String, String> stringMap(String what) {
        int at = position;
        long n = u32();
        if (n > remaining()) {
            throw problemAt(at, what + " map claims " + n + " bytes but only " + remaining() + " remain");
        }
        int mapEnd = position + (int) n;
        Map<String, String> map = new LinkedHashMap<>();
        LittleEndianReader entries = new LittleEndianReader(data, position, mapEnd, origin);
        while (entries.remaining() > 0) {
            String key = entries.string(what + " key");
            map.put(key, entries.string(what + " value"));
        }
        position = mapEnd;
        return map;
    }

    Map<Integer, Long> u16ToU64Map(String what) {
        int at = position;
        long n = u32();
        if (n > remaining() || n % 10 != 0) {
            throw problemAt(at, what + " map has byte length " + n + " (must be a multiple of 10 within the "
                    + remaining() + " remaining bytes)");
        }
        Map<Integer, Long> map = new LinkedHashMap<>();
        for (long i = 0; i < n / 10; i++) {
            int key = u16();
            map.put(key, u64());
        }
        return map;
    }

    private void require(int n, String what) {
        if (remaining() < n) {
            throw problem("needs a " + what + " but only " + remaining() + " bytes remain");
        }
    }
}
