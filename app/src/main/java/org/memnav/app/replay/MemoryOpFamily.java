package org.memnav.app.replay;

import org.memnav.recordings.MemoryOperation;

/**
 * What a memory operation does, for the timeline's colours and legend: every {@link MemoryOperation.Kind} belongs to
 * exactly one family (the switch below has no default, so a new kind does not compile until it is placed).
 */
public enum MemoryOpFamily {
    STORE("store", "write, merge", 0xFF4FC3F7),
    SKIP("skip", "a write policy declined the frame", 0xFF9E9E9E),
    FORGET("forget", "evict, filter, clear", 0xFFEF5350),
    CONDENSE("condense", "summary, weave", 0xFFFFA726),
    RECALL("recall", "retrieve, trigger", 0xFF66BB6A),
    LONG_TERM("long-term", "add, update, delete of landmarks / facts", 0xFFBA68C8);

    private final String label;
    private final String kinds;
    private final int argb;

    MemoryOpFamily(String label, String kinds, int argb) {
        this.label = label;
        this.kinds = kinds;
        this.argb = argb;
    }

    public static MemoryOpFamily of(MemoryOperation.Kind kind) {
        return switch (kind) {
            case WRITE, MERGE -> STORE;
            case SKIP -> SKIP;
            case EVICT, FILTER, CLEAR -> FORGET;
            case SUMMARY, WEAVE -> CONDENSE;
            case RETRIEVE, TRIGGER -> RECALL;
            case ADD, UPDATE, DELETE -> LONG_TERM;
        };
    }

    public String label() {
        return label;
    }

    /** The operation kinds in this family, in words (the legend's tooltip). */
    public String kinds() {
        return kinds;
    }

    /** 0xAARRGGBB, opaque. */
    public int argb() {
        return argb;
    }
}
