package org.memnav.inference.strategy;

/** A write policy's answer for one encoded frame, with the reason recorded on the write or skip event. */
public record WriteVerdict(boolean write, String reason) {

    public static WriteVerdict yes(String reason) {
        return new WriteVerdict(true, reason);
    }

    public static WriteVerdict no(String reason) {
        return new WriteVerdict(false, reason);
    }
}
