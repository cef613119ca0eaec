package org.memnav.recordings.mcap;

import com.github.luben.zstd.Zstd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads a Chunk record from the file and returns its uncompressed records, after checking the claimed
 * sizes against the file and the reader's limit and the CRC against the data.
 */
final class ChunkDecoder {
    private final FileRegionReader file;
    private final McapReaderOptions options;

    ChunkDecoder(FileRegionReader file, McapReaderOptions options) {
        this.file = file;
        this.options = options;
    }

    /** Reads the whole Chunk record at {@code offset} and decodes it. */
    byte[] readAndDecode(long offset) throws IOException {
        byte[] prefix = file.read(offset, Opcode.RECORD_PREFIX_BYTES, "chunk record prefix");
        LittleEndianReader in = new LittleEndianReader(prefix, new ByteOrigin.FileBytes(file.file(), offset));
        int opcode = in.u8();
        if (opcode != Opcode.CHUNK) {
            throw new McapFormatException(file.file(), offset, "expected a Chunk record, found " + Opcode.name(opcode));
        }
        long length = in.u64Length("chunk length");
        byte[] content = file.read(offset + Opcode.RECORD_PREFIX_BYTES, length, "chunk record");
        return decode(offset, content);
    }

    /** Decodes the content (after the 9-byte prefix) of the Chunk record at {@code offset}. */
    byte[] decode(long offset, byte[] content) {
        Path path = file.file();
        LittleEndianReader in = new LittleEndianReader(content,
                new ByteOrigin.FileBytes(path, offset + Opcode.RECORD_PREFIX_BYTES));
        ChunkHeader header = McapRecordParser.chunkHeader(in);
        if (header.uncompressedSize() > options.maxChunkBytes()) {
            throw new McapFormatException(path, offset, "chunk claims " + header.uncompressedSize()
                    + " uncompressed bytes, more than the limit of " + options.maxChunkBytes() + " (corrupt size field?)");
        }
        int size = (int) header.uncompressedSize();
        int from = header.recordsStart();
        int to = from + header.recordsLength();
        byte[] records = switch (header.compression()) {
            case "" -> {
                if (header.recordsLength() != size) {
                    throw new McapFormatException(path, offset, "uncompressed chunk holds " + header.recordsLength()
                            + " bytes but claims " + size);
                }
                yield Arrays.copyOfRange(content, from, to);
            }
            case "zstd" -> zstd(offset, content, from, to, size);
            case "lz4" -> {
                try {
                    yield Lz4FrameDecoder.decode(content, from, to, size);
                } catch (Lz4FrameDecoder.Lz4FormatException e) {
                    throw new McapFormatException(path, offset, "lz4 chunk cannot be decompressed: " + e.getMessage(), e);
                }
            }
            default -> throw new McapUnsupportedException(path, offset, "unsupported chunk compression '"
                    + header.compression() + "' (supported: none, zstd, lz4)");
        };
        if (options.validateCrcs() && header.uncompressedCrc() != 0) {
            CRC32 crc = new CRC32();
            crc.update(records);
            if (crc.getValue() != header.uncompressedCrc()) {
                throw new McapFormatException(path, offset, String.format(
                        "chunk CRC mismatch: the chunk stores 0x%08X but its records give 0x%08X (the chunk is corrupt)",
                        header.uncompressedCrc(), crc.getValue()));
            }
        }
        return records;
    }

    private byte[] zstd(long offset, byte[] content, int from, int to, int size) {
        Path path = file.file();
        long declared = Zstd.getFrameContentSize(content, from, to - from);
        // Negative means "unknown"; the first frame alone cannot exceed the chunk's claim (more frames may follow).
        if (declared > size) {
            throw new McapFormatException(path, offset, "zstd frame declares " + declared
                    + " bytes but the chunk claims " + size);
        }
        byte[] out = new byte[size];
        long n;
        try {
            n = Zstd.decompressByteArray(out, 0, size, content, from, to - from);
        } catch (RuntimeException e) {
            throw new McapFormatException(path, offset, "zstd chunk cannot be decompressed: " + e.getMessage(), e);
        }
        if (Zstd.isError(n)) {
            throw new McapFormatException(path, offset, "zstd chunk cannot be decompressed: " + Zstd.getErrorName(n));
        }
        if (n != size) {
            throw new McapFormatException(path, offset, "zstd chunk decompressed to " + n + " bytes, expected " + size);
        }
        return out;
    }
}
