package org.memnav.recordings;

/**
 * One {@code /memory/ops} message: what happened to the agent's memory at {@code step}, and its size after.
 *
 * @param frameId      id of the memory frame written, evicted or retrieved (-1 for {@link Kind#CLEAR})
 * @param frameStep    step at which that frame was observed (-1 when unknown or for clear)
 * @param tokens       tokens of that frame (for clear: tokens dropped)
 * @param bytes        bytes of that frame (for clear: bytes dropped)
 * @param memoryFrames frames held after the operation
 * @param memoryBytes  bytes held after the operation
 * @param detail       why, in words (a gate's surprise, a landmark's goal, the weaver's pick); "" when none
 *                     (recordings made before memory strategies have none)
 */
public record MemoryOperation(int step, Kind kind, long frameId, int frameStep, long tokens, long bytes, int memoryFrames,
                              long memoryBytes, String detail) {

    /**
     * write: a frame stored; evict: one dropped to make room; retrieve: frames read for a decision; clear: all
     * dropped. Memory strategies add: merge (a recurrent slot blended with a new frame), skip (a write policy
     * declined the frame), summary / filter (AgeMem short-term tools), add / update / delete (AgeMem landmarks,
     * Mem-alpha semantic facts), trigger / weave (MemGen consulted long-term memory and condensed it).
     */
    public enum Kind {
        WRITE("write"), EVICT("evict"), RETRIEVE("retrieve"), CLEAR("clear"), MERGE("merge"), SKIP("skip"),
        SUMMARY("summary"), FILTER("filter"), ADD("add"), UPDATE("update"), DELETE("delete"), TRIGGER("trigger"),
        WEAVE("weave");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Kind fromWireName(String name) {
            for (Kind k : values()) {
                if (k.wireName.equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown memory operation '" + name + "'");
        }
    }

    public MemoryOperation(int step, Kind kind, long frameId, int frameStep, long tokens, long bytes, int memoryFrames,
                           long memoryBytes) {
        this(step, kind, frameId, frameStep, tokens, bytes, memoryFrames, memoryBytes, "");
    }

    public MemoryOperation {
        detail = detail == null ? "" : detail;
        if (kind == null) {
            throw new IllegalArgumentException("memory operation needs a kind");
        }
        if (step < 0 || memoryFrames < 0 || memoryBytes < 0 || tokens < 0 || bytes < 0) {
            throw new IllegalArgumentException("memory operation with negative step or size: step " + step);
        }
    }
}
