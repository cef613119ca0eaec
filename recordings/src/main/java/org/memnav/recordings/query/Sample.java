package org.memnav.recordings.query;

import org.memnav.recordings.mcap.McapChannel;
import org.memnav.recordings.mcap.McapMessage;

import java.nio.ByteBuffer;

/**
 * One recorded message as an episode source hands it out: immutable (the bytes are copied in and out), with
 * the step its log time falls on. Decode it with {@link org.memnav.recordings.RunMessageDecoder} via
 * {@link #message()}.
 */
public final class Sample {
    private final McapMessage message;
    private final int step;

    private Sample(McapMessage message, int step) {
        this.message = message;
        this.step = step;
    }

    /** A sample of {@code message} (its bytes are copied, so later changes to them do not show). */
    public static Sample of(McapMessage message, int step) {
        return new Sample(copy(message), step);
    }

    private static McapMessage copy(McapMessage m) {
        return new McapMessage(m.channel(), m.sequence(), m.logTimeNs(), m.publishTimeNs(), m.data().clone());
    }

    public String topic() {
        return message.topic();
    }

    public McapChannel channel() {
        return message.channel();
    }

    /** The step this sample's log time falls on (on the source's timeline). */
    public int step() {
        return step;
    }

    public long sequence() {
        return message.sequence();
    }

    public long logTimeNs() {
        return message.logTimeNs();
    }

    public long publishTimeNs() {
        return message.publishTimeNs();
    }

    public int size() {
        return message.data().length;
    }

    /** A copy of the message bytes. */
    public byte[] data() {
        return message.data().clone();
    }

    /** The message bytes without copying, read-only. */
    public ByteBuffer dataView() {
        return ByteBuffer.wrap(message.data()).asReadOnlyBuffer();
    }

    /** A copy of the underlying MCAP message, for the decoders. */
    public McapMessage message() {
        return copy(message);
    }

    @Override
    public String toString() {
        return "Sample[" + topic() + " step " + step + ", " + size() + " bytes]";
    }
}
