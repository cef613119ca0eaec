package org.memnav.recordings.mcap;

/**
 * How {@link McapWriter} lays out a file.
 *
 * @param chunkSizeBytes     uncompressed record bytes after which a chunk is closed and written out
 * @param compression        chunk compression
 * @param zstdLevel          zstd level when compressing (3 is zstd's own default)
 * @param profile            Header profile; custom profiles should start with "x-"
 * @param library            Header library string
 * @param syncEachChunk      also fsync after each chunk, so completed chunks survive power loss and not just a killed process
 * @param ownChunkFromBytes  a message at least this large (a frame, a depth image, a token tensor) gets a chunk of its
 *                           own, so a seek decompresses only that message rather than ~1 MiB around it; 0 turns this off
 */
public record McapWriterOptions(int chunkSizeBytes, ChunkCompression compression, int zstdLevel, String profile,
                                String library, boolean syncEachChunk, int ownChunkFromBytes) {

    public static final int DEFAULT_CHUNK_SIZE = 1024 * 1024;
    public static final int DEFAULT_OWN_CHUNK_FROM_BYTES = 32 * 1024;
    public static final String LIBRARY = "memnav-recordings/0.1";

    public McapWriterOptions {
        if (chunkSizeBytes < 1) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkSizeBytes);
        }
        if (ownChunkFromBytes < 0) {
            throw new IllegalArgumentException("ownChunkFromBytes must be >= 0, got " + ownChunkFromBytes);
        }
        if (compression == null || profile == null || library == null) {
            throw new IllegalArgumentException("compression, profile and library must not be null");
        }
    }

    /** zstd level 3, 1 MiB chunks, messages of 32 KiB or more in chunks of their own, no fsync. */
    public static McapWriterOptions defaults() {
        return new McapWriterOptions(DEFAULT_CHUNK_SIZE, ChunkCompression.ZSTD, 3, "", LIBRARY, false,
                DEFAULT_OWN_CHUNK_FROM_BYTES);
    }

    public McapWriterOptions withChunkSize(int bytes) {
        return new McapWriterOptions(bytes, compression, zstdLevel, profile, library, syncEachChunk, ownChunkFromBytes);
    }

    public McapWriterOptions withCompression(ChunkCompression c) {
        return new McapWriterOptions(chunkSizeBytes, c, zstdLevel, profile, library, syncEachChunk, ownChunkFromBytes);
    }

    public McapWriterOptions withProfile(String p) {
        return new McapWriterOptions(chunkSizeBytes, compression, zstdLevel, p, library, syncEachChunk, ownChunkFromBytes);
    }

    public McapWriterOptions withSyncEachChunk(boolean sync) {
        return new McapWriterOptions(chunkSizeBytes, compression, zstdLevel, profile, library, sync, ownChunkFromBytes);
    }

    /** 0 keeps every message in the shared ~chunkSizeBytes chunks. */
    public McapWriterOptions withOwnChunkFromBytes(int bytes) {
        return new McapWriterOptions(chunkSizeBytes, compression, zstdLevel, profile, library, syncEachChunk, bytes);
    }
}
