package org.memnav.recordings.mcap;

import java.util.Map;

/** A Metadata record: named key-value pairs about the whole recording. */
public record McapMetadata(String name, Map<String, String> metadata) {
    public McapMetadata {
        metadata = Map.copyOf(metadata);
    }
}
