package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;

/**
 * One operation on the agent's memory, as the recorder and the timeline show it.
 *
 * @param frame       the frame the operation is about (null for clear, retrieve and trigger)
 * @param tokens      tokens touched (the frame's, or all frames read for retrieve)
 * @param bytes       bytes touched
 * @param framesAfter frames the strategy holds after the operation (all its stores together)
 * @param bytesAfter  bytes held after the operation
 * @param detail      why, in words (the gate's surprise, the landmark's goal, the weaver's pick)
 */
public record MemoryEvent(int step, Kind kind, MemoryFrame frame, long tokens, long bytes, int framesAfter, long bytesAfter,
                          String detail) {

    /**
     * write/evict/clear: the frame memory; merge: a recurrent slot blended with a new frame; skip: a write policy
     * declined a frame; retrieve/summary/filter: AgeMem short-term context tools; add/update/delete: AgeMem
     * long-term landmark tools (also Mem-alpha semantic facts); trigger/weave: MemGen's memory trigger fired and
     * its weaver condensed what it retrieved.
     */
    public enum Kind {
        WRITE, EVICT, CLEAR, MERGE, SKIP, RETRIEVE, SUMMARY, FILTER, ADD, UPDATE, DELETE, TRIGGER, WEAVE
    }

    public MemoryEvent {
        if (kind == null) {
            throw new IllegalArgumentException("memory event needs a kind");
        }
        detail = detail == null ? "" : detail;
    }

    public long frameId() {
        return frame == null ? -1 : frame.id();
    }

    public int frameStep() {
        return frame == null ? -1 : frame.step();
    }
}
