package org.memnav.recordings.mcap;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas and channels known for one open file. Starts from the summary (or the scan) and also takes
 * records met inside chunks, so a file whose summary misses a channel still decodes.
 */
final class ChannelRegistry {
    private final Map<Integer, McapSchema> schemas = new ConcurrentHashMap<>();
    private final Map<Integer, McapChannel> channels = new ConcurrentHashMap<>();

    void add(McapSchema schema) {
        if (schema.id() != 0) { // id 0 is invalid and must be ignored
            schemas.putIfAbsent(schema.id(), schema);
        }
    }

    void add(McapChannel channel) {
        channels.putIfAbsent(channel.id(), channel);
    }

    /** Forgets everything (records read from a summary that turned out damaged). */
    void clear() {
        schemas.clear();
        channels.clear();
    }

    McapChannel channel(int id) {
        return channels.get(id);
    }

    Map<Integer, McapSchema> schemas() {
        return Collections.unmodifiableMap(new TreeMap<>(schemas));
    }

    Map<Integer, McapChannel> channels() {
        return Collections.unmodifiableMap(new TreeMap<>(channels));
    }
}
