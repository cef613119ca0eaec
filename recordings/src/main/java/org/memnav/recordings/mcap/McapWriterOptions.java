package org.memnav.recordings.mcap;

/**
 * How {@link McapWriter} lays out a file.
 *
 * @param chunkSizeBytes   uncompressed record bytes after which a chunk is closed and written out
 * @param compression      chunk compression
 * @param zstdLevel        zstd level when compressing (3 is zstd's own default)
 * @param profile          Header profile; custom profiles should start with "x-"
 * @param library          Header library string
 * @param syncEachChunk    also fsync after each chunk, so completed chunks survive power loss and not just a killed process
 */
public record McapWriterOptions(int chunkSizeBytes, ChunkCompression compression, int zstdLevel, String profile,
                                String library, boolean syncEachChunk) {

    public static final int DEFAULT_CHUNK_SIZE = 1024 * 1024;
    public static final String LIBRARY = "memnav-recordings/0.1";

    public McapWriterOptions {
        if (chunkSizeBytes < 1) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkSizeBytes);
        }
        if (compression == null || profile == null || library == null) {
            throw new IllegalArgumentException("compression, profile and library must not be null");
        }
    }

    public static McapWriterOptions defaults() {
        return new McapWriterOptions(DEFAULT_CHUNK_SIZE, ChunkCompression.ZSTD, 3, "", LIBRARY, false);
    }

    public McapWriterOptions withChunkSize(int bytes) {
        return new McapWriterOptions(bytes, compression, zstdLevel, profile, library, syncEachChunk);
    }

    public McapWriterOptions withCompression(ChunkCompression c) {
        return new McapWriterOptions(chunkSizeBytes, c, zstdLevel, profile, library, syncEachChunk);
    }

    public McapWriterOptions withProfile(String p) {
        return new McapWriterOptions(chunkSizeBytes, compression, zstdLevel, p, library, syncEachChunk);
    }

    public McapWriterOptions withSyncEachChunk(boolean sync) {
        return new McapWriterOptions(chunkSizeBytes, compression, zstdLevel, profile, library, sync);
    }
}
