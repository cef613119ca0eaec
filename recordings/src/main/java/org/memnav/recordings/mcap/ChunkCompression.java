package org.memnav.recordings.mcap;

/** Compression the writer applies to chunks; {@link #wireName()} is the Chunk record's compression string. */
public enum ChunkCompression {
    NONE(""), ZSTD("zstd");

    private final String wireName;

    ChunkCompression(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
