package org.memnav.recordings.mcap;

/**
 * How {@link McapReader} treats a file.
 *
 * @param validateCrcs  check chunk CRCs on every read and the summary CRC on open (zero CRCs mean "none stored")
 * @param maxChunkBytes largest uncompressed chunk the reader will allocate; a larger claimed size is reported
 *                      as corruption instead of exhausting memory
 */
public record McapReaderOptions(boolean validateCrcs, int maxChunkBytes) {

    public static final int DEFAULT_MAX_CHUNK_BYTES = 512 * 1024 * 1024;

    public McapReaderOptions {
        if (maxChunkBytes < 1) {
            throw new IllegalArgumentException("maxChunkBytes must be positive");
        }
    }

    public static McapReaderOptions defaults() {
        return new McapReaderOptions(true, DEFAULT_MAX_CHUNK_BYTES);
    }

    public McapReaderOptions withValidateCrcs(boolean validate) {
        return new McapReaderOptions(validate, maxChunkBytes);
    }
}
