package org.memnav.recordings.query;

import java.util.Map;

/**
 * A channel of an episode source: its topic, how its messages are encoded and its schema's name (empty for
 * schemaless raw channels), and its metadata (tensor dtype and shape, frame cadence).
 */
public record ChannelInfo(String topic, String messageEncoding, String schemaName, Map<String, String> metadata) {
    public ChannelInfo {
        metadata = Map.copyOf(metadata);
    }
}
