package org.memnav.recordings.mcap;

import java.nio.file.Path;

/** Where a byte array came from, so parse errors can name the file offset (or the chunk) of the problem. */
sealed interface ByteOrigin {

    McapFormatException problem(int position, String message);

    /** Bytes read straight from the file; position 0 is file offset {@code baseOffset}. */
    record FileBytes(Path file, long baseOffset) implements ByteOrigin {
        @Override
        public McapFormatException problem(int position, String message) {
            return new McapFormatException(file, baseOffset + position, message);
        }
    }

    /** Decompressed records of the chunk record at {@code chunkOffset}; positions are within that data. */
    record ChunkBytes(Path file, long chunkOffset) implements ByteOrigin {
        @Override
        public McapFormatException problem(int position, String message) {
            return new McapFormatException(file, chunkOffset,
                    "in the chunk at this offset, at byte " + position + " of its uncompressed records: " + message);
        }
    }
}
