package org.memnav.recordings.mcap;

/**
 * One Message record with its channel resolved. {@code sequence} is the uint32 publisher counter;
 * times are uint64 nanoseconds held in a long.
 */
public record McapMessage(McapChannel channel, long sequence, long logTimeNs, long publishTimeNs, byte[] data) {

    public String topic() {
        return channel.topic();
    }

    public int channelId() {
        return channel.id();
    }

    @Override
    public String toString() {
        return "McapMessage[topic=" + channel.topic() + ", sequence=" + sequence + ", logTimeNs=" + logTimeNs
                + ", " + data.length + " bytes]";
    }
}
