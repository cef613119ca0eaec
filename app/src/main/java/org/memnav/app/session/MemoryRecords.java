package org.memnav.app.session;

import org.memnav.inference.strategy.MemoryEvent;
import org.memnav.inference.strategy.TierSnapshot;
import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.MemoryTiers;

/**
 * A memory strategy's events and tiers as the recording's records, on the run's continuous step clock (each episode's
 * steps shifted by {@code stepOffset}). The recorder and the live history use the same mapping, so a live run and its
 * recording show the same operations.
 */
public final class MemoryRecords {

    private MemoryRecords() {
    }

    /** One strategy event as a {@code /memory/ops} record at {@code step}. */
    public static MemoryOperation operation(int step, int stepOffset, MemoryEvent e) {
        return new MemoryOperation(step, MemoryOperation.Kind.valueOf(e.kind().name()), e.frameId(),
                e.frameStep() < 0 ? -1 : stepOffset + e.frameStep(), e.tokens(), e.bytes(), e.framesAfter(), e.bytesAfter(),
                e.detail());
    }

    /** A tier snapshot as a {@code /memory/tiers} record. */
    public static MemoryTiers tiers(int stepOffset, TierSnapshot t) {
        return new MemoryTiers(stepOffset + t.step(), t.core().subtask(), t.core().goal(), t.core().agent(), t.core().target(),
                t.episodicFrames().stream().map(f -> new MemoryTiers.EpisodicFrame(f.frameId(), stepOffset + f.step(), f.pose())).toList(),
                t.episodicEvents().stream().map(e -> new MemoryTiers.EpisodicEvent(stepOffset + e.step(), e.text())).toList(),
                t.semantic().stream().map(f -> new MemoryTiers.SemanticFact(f.goal(), f.place(), f.support(), f.frameId(),
                        stepOffset + f.updatedStep())).toList());
    }
}
