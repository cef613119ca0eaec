package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;

import java.util.List;

/** AstraNav-Memory's default: every scheduled frame is written (rule). */
public final class AlwaysWrite implements WritePolicy {

    @Override
    public boolean considers(WriteCue cue) {
        return cue.scheduled() || cue.forced();
    }

    @Override
    public WriteVerdict judge(MemoryFrame candidate, List<MemoryFrame> memory, int capacity, PolicyProbe probe) {
        return WriteVerdict.yes("always");
    }
}
