package org.memnav.recordings.mcap;

/**
 * The fixed fields of a Chunk record and where its {@code records} bytes lie inside the record content
 * ([recordsStart, recordsStart + recordsLength) of the array it was parsed from).
 */
record ChunkHeader(long messageStartTime, long messageEndTime, long uncompressedSize, long uncompressedCrc,
                   String compression, int recordsStart, int recordsLength) {
}
