package org.memnav.recordings.mcap;

/**
 * How {@link McapReader} treats a file.
 *
 * @param validateCrcs     check chunk CRCs on every read and the summary CRC on open (zero CRCs mean "none stored")
 * @param maxChunkBytes    largest uncompressed chunk the reader will allocate; a larger claimed size is reported
 *                         as corruption instead of exhausting memory
 * @param cacheBudgetBytes the most decoded chunk bytes kept for latest-at and range queries, whatever the file size
 */
public record McapReaderOptions(boolean validateCrcs, int maxChunkBytes, long cacheBudgetBytes) {

    public static final int DEFAULT_MAX_CHUNK_BYTES = 512 * 1024 * 1024;

    public McapReaderOptions {
        if (maxChunkBytes < 1) {
            throw new IllegalArgumentException("maxChunkBytes must be positive");
        }
        if (cacheBudgetBytes < 0) {
            throw new IllegalArgumentException("cacheBudgetBytes must not be negative");
        }
    }

    /** CRCs checked, 512 MiB chunk limit, 256 MiB cache. */
    public static McapReaderOptions defaults() {
        return new McapReaderOptions(true, DEFAULT_MAX_CHUNK_BYTES, CacheStats.DEFAULT_BUDGET_BYTES);
    }

    public McapReaderOptions withValidateCrcs(boolean validate) {
        return new McapReaderOptions(validate, maxChunkBytes, cacheBudgetBytes);
    }

    public McapReaderOptions withMaxChunkBytes(int bytes) {
        return new McapReaderOptions(validateCrcs, bytes, cacheBudgetBytes);
    }

    public McapReaderOptions withCacheBudget(long bytes) {
        return new McapReaderOptions(validateCrcs, maxChunkBytes, bytes);
    }
}
