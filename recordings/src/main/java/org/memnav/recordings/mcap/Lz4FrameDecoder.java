package org.memnav.recordings.mcap;

/**
 * Decodes LZ4 frame format data (what MCAP's "lz4" chunk compression is), including frames with linked
 * blocks, which many LZ4 libraries write by default. All blocks decode into one output array, so a
 * match that reaches back into an earlier block needs no special handling. The MCAP chunk CRC checks the
 * result, so the optional xxHash checksums of the frame are skipped rather than verified.
 */
final class Lz4FrameDecoder {
    private static final int FRAME_MAGIC = 0x184D2204;
    private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
    private static final int SKIPPABLE_MAGIC = 0x184D2A50;

    private Lz4FrameDecoder() {
    }

    /** Thrown for malformed LZ4 data; the caller adds file and offset. */
    static final class Lz4FormatException extends Exception {
        Lz4FormatException(String message) {
            super(message);
        }
    }

    /** Decodes all frames in {@code src[from, to)}; the result must be exactly {@code expectedSize} bytes. */
    static byte[] decode(byte[] src, int from, int to, int expectedSize) throws Lz4FormatException {
        byte[] out = new byte[expectedSize];
        int outPos = 0;
        int pos = from;
        while (pos < to) {
            int magic = readIntLE(src, pos, to, "frame magic");
            pos += 4;
            if ((magic & SKIPPABLE_MASK) == SKIPPABLE_MAGIC) {
                long skip = readIntLE(src, pos, to, "skippable frame size") & 0xFFFFFFFFL;
                pos += 4;
                if (skip > to - pos) {
                    throw new Lz4FormatException("skippable frame runs past the end of the data");
                }
                pos += (int) skip;
                continue;
            }
            if (magic != FRAME_MAGIC) {
                throw new Lz4FormatException(String.format("bad LZ4 frame magic 0x%08X", magic));
            }
            int[] state = decodeFrame(src, pos, to, out, outPos);
            pos = state[0];
            outPos = state[1];
        }
        if (outPos != expectedSize) {
            throw new Lz4FormatException("LZ4 data decoded to " + outPos + " bytes, expected " + expectedSize);
        }
        return out;
    }

    /** Decodes one frame after its magic; returns {new input position, new output position}. */
    private static int[] decodeFrame(byte[] src, int pos, int to, byte[] out, int outPos) throws Lz4FormatException {
        if (to - pos < 3) {
            throw new Lz4FormatException("LZ4 frame descriptor is cut off");
        }
        int flg = src[pos] & 0xFF;
        if ((flg >>> 6) != 1) {
            throw new Lz4FormatException("unsupported LZ4 frame version " + (flg >>> 6));
        }
        boolean blockChecksum = (flg & 0x10) != 0;
        boolean contentSizePresent = (flg & 0x08) != 0;
        boolean contentChecksum = (flg & 0x04) != 0;
        boolean dictionary = (flg & 0x01) != 0;
        if (dictionary) {
            throw new Lz4FormatException("LZ4 frames with a dictionary are not supported");
        }
        int descriptorLength = 2 + (contentSizePresent ? 8 : 0) + 1;
        if (to - pos < descriptorLength) {
            throw new Lz4FormatException("LZ4 frame descriptor is cut off");
        }
        if (contentSizePresent) {
            long contentSize = 0;
            for (int i = 7; i >= 0; i--) {
                contentSize = (contentSize << 8) | (src[pos + 2 + i] & 0xFF);
            }
            if (contentSize < 0 || contentSize > out.length - outPos) {
                throw new Lz4FormatException("LZ4 frame declares " + Long.toUnsignedString(contentSize)
                        + " bytes but only " + (out.length - outPos) + " are expected");
            }
        }
        pos += descriptorLength; // FLG, BD, optional content size, header checksum

        while (true) {
            int sizeField = readIntLE(src, pos, to, "block size");
            pos += 4;
            if (sizeField == 0) {
                break; // end mark
            }
            boolean uncompressed = (sizeField & 0x80000000) != 0;
            int blockSize = sizeField & 0x7FFFFFFF;
            if (blockSize > to - pos) {
                throw new Lz4FormatException("LZ4 block of " + blockSize + " bytes runs past the end of the data");
            }
            if (uncompressed) {
                if (blockSize > out.length - outPos) {
                    throw new Lz4FormatException("LZ4 data decodes to more than the expected " + out.length + " bytes");
                }
                System.arraycopy(src, pos, out, outPos, blockSize);
                outPos += blockSize;
            } else {
                outPos = decodeBlock(src, pos, pos + blockSize, out, outPos);
            }
            pos += blockSize;
            if (blockChecksum) {
                pos = skip(pos, 4, to, "block checksum");
            }
        }
        if (contentChecksum) {
            pos = skip(pos, 4, to, "content checksum");
        }
        return new int[] {pos, outPos};
    }

    /** Decodes one LZ4 block (sequences of literals and back-references); returns the new output position. */
    static int decodeBlock(byte[] src, int pos, int end, byte[] out, int outPos) throws Lz4FormatException {
        while (pos < end) {
            int token = src[pos++] & 0xFF;
            int literalLength = token >>> 4;
            if (literalLength == 15) {
                int b;
                do {
                    if (pos >= end) {
                        throw new Lz4FormatException("LZ4 literal length is cut off");
                    }
                    b = src[pos++] & 0xFF;
                    literalLength += b;
                } while (b == 255);
            }
            if (literalLength > end - pos || literalLength > out.length - outPos) {
                throw new Lz4FormatException("LZ4 literals run past the block or the expected output size");
            }
            System.arraycopy(src, pos, out, outPos, literalLength);
            pos += literalLength;
            outPos += literalLength;
            if (pos == end) {
                break; // the last sequence has literals only
            }
            if (end - pos < 2) {
                throw new Lz4FormatException("LZ4 match offset is cut off");
            }
            int offset = (src[pos] & 0xFF) | (src[pos + 1] & 0xFF) << 8;
            pos += 2;
            if (offset == 0 || offset > outPos) {
                throw new Lz4FormatException("LZ4 match offset " + offset + " points before the start of the data");
            }
            int matchLength = (token & 0x0F) + 4;
            if ((token & 0x0F) == 15) {
                int b;
                do {
                    if (pos >= end) {
                        throw new Lz4FormatException("LZ4 match length is cut off");
                    }
                    b = src[pos++] & 0xFF;
                    matchLength += b;
                } while (b == 255);
            }
            if (matchLength > out.length - outPos) {
                throw new Lz4FormatException("LZ4 data decodes to more than the expected " + out.length + " bytes");
            }
            int from = outPos - offset;
            if (offset >= matchLength) {
                System.arraycopy(out, from, out, outPos, matchLength);
            } else {
                for (int i = 0; i < matchLength; i++) { // overlapping copy repeats the last `offset` bytes
                    out[outPos + i] = out[from + i];
                }
            }
            outPos += matchLength;
        }
        return outPos;
    }

    private static int skip(int pos, int n, int to, String what) throws Lz4FormatException {
        if (to - pos < n) {
            throw new Lz4FormatException("LZ4 " + what + " is cut off");
        }
        return pos + n;
    }

    private static int readIntLE(byte[] src, int pos, int to, String what) throws Lz4FormatException {
        if (to - pos < 4) {
            throw new Lz4FormatException("LZ4 " + what + " is cut off");
        }
        return (src[pos] & 0xFF) | (src[pos + 1] & 0xFF) << 8 | (src[pos + 2] & 0xFF) << 16 | (src[pos + 3] & 0xFF) << 24;
    }
}
