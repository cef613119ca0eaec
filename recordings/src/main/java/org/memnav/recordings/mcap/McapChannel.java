package org.memnav.recordings.mcap;

import java.util.Map;

/** A Channel record: a topic, its message encoding and its schema ({@code schemaId} 0 = none). */
public record McapChannel(int id, int schemaId, String topic, String messageEncoding, Map<String, String> metadata) {
    public McapChannel {
        metadata = Map.copyOf(metadata);
    }
}
