package org.memnav.recordings.mcap;

import java.util.Map;
import java.util.TreeMap;

/**
 * The uncompressed records of the chunk being filled, with the message index entries and log-time span
 * the Chunk, Message Index and Chunk Index records need once the chunk is closed.
 */
final class ChunkBuilder {
    private final LittleEndianBuffer records;
    private final Map<Integer, MessageIndexEntries> indexByChannel = new TreeMap<>();
    private long startTime;
    private long endTime;
    private boolean hasMessages;

    ChunkBuilder(int expectedSize) {
        records = new LittleEndianBuffer(expectedSize);
    }

    void addSchema(McapSchema schema) {
        McapRecordEncoder.schema(records, schema);
    }

    void addChannel(McapChannel channel) {
        McapRecordEncoder.channel(records, channel);
    }

    void addMessage(int channelId, long sequence, long logTime, long publishTime, byte[] data) {
        long offset = records.size();
        McapRecordEncoder.message(records, channelId, sequence, logTime, publishTime, data);
        indexByChannel.computeIfAbsent(channelId, id -> new MessageIndexEntries()).add(logTime, offset);
        if (!hasMessages || Long.compareUnsigned(logTime, startTime) < 0) {
            startTime = logTime;
        }
        if (!hasMessages || Long.compareUnsigned(logTime, endTime) > 0) {
            endTime = logTime;
        }
        hasMessages = true;
    }

    boolean isEmpty() {
        return records.size() == 0;
    }

    int size() {
        return records.size();
    }

    byte[] recordBytes() {
        return records.array();
    }

    long startTime() {
        return hasMessages ? startTime : 0;
    }

    long endTime() {
        return hasMessages ? endTime : 0;
    }

    Map<Integer, MessageIndexEntries> indexByChannel() {
        return indexByChannel;
    }

    void reset() {
        records.reset();
        indexByChannel.clear();
        hasMessages = false;
    }
}
