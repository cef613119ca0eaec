package org.memnav.recordings.mcap;

/** A Metadata Index record: where a Metadata record lies; {@code length} includes the record prefix. */
public record McapMetadataIndex(long offset, long length, String name) {
}
