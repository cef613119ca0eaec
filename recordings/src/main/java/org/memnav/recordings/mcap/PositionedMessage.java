package org.memnav.recordings.mcap;

/** A message with where it lies, so equal log times keep file order. */
record PositionedMessage(McapMessage message, long sourceOffset, int recordOffset) implements Comparable<PositionedMessage> {
    @Override
    public int compareTo(PositionedMessage o) {
        int c = Long.compareUnsigned(message.logTimeNs(), o.message.logTimeNs());
        if (c != 0) {
            return c;
        }
        c = Long.compare(sourceOffset, o.sourceOffset);
        return c != 0 ? c : Integer.compare(recordOffset, o.recordOffset);
    }
}
