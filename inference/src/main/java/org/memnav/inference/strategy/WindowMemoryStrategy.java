package org.memnav.inference.strategy;

import org.memnav.inference.memory.FrameMemory;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.simbridge.api.Pose;

import java.util.List;

/**
 * One frame memory behind one write policy: the AstraNav FIFO with always-write, the AURA-Mem periodic, random,
 * action-surprise gate and recurrent-state arms, and (not lifelong) the memoryless frontier baseline that forgets
 * at every subtask. The policy reads every frame held.
 */
public final class WindowMemoryStrategy implements MemoryStrategy {

    private final FrameMemory memory;
    private final WritePolicy writePolicy;
    private final boolean lifelong;
    private final EventLog log;

    public WindowMemoryStrategy(FrameMemory memory, WritePolicy writePolicy, boolean lifelong) {
        this.memory = memory;
        this.writePolicy = writePolicy;
        this.lifelong = lifelong;
        this.log = new EventLog(this::footprint);
    }

    /** A window inside a larger strategy, logging into that strategy's log. */
    WindowMemoryStrategy(FrameMemory memory, WritePolicy writePolicy, EventLog log) {
        this.memory = memory;
        this.writePolicy = writePolicy;
        this.lifelong = true;
        this.log = log;
    }

    @Override
    public void startEpisode() {
        memory.clear();
    }

    @Override
    public void startSubtask(int step, int subtask, String goalKey, Pose agent) {
        if (!lifelong && subtask > 0 && memory.size() > 0) {
            long tokens = memory.totalTokens();
            long bytes = memory.totalBytes();
            memory.clear();
            log.add(step, MemoryEvent.Kind.CLEAR, null, tokens, bytes, "new subtask: the memoryless baseline forgets");
        }
    }

    @Override
    public boolean considersWrite(WriteCue cue) {
        return writePolicy.considers(cue);
    }

    @Override
    public boolean offer(MemoryFrame candidate, PolicyProbe probe) {
        WriteVerdict verdict = writePolicy.judge(candidate, memory.frames(), memory.capacity(), probe);
        if (!verdict.write()) {
            log.frame(candidate.step(), MemoryEvent.Kind.SKIP, candidate, verdict.reason());
            return false;
        }
        store(candidate, verdict.reason());
        return true;
    }

    /** Writes without asking the write policy (composite strategies decide themselves). */
    FrameMemory.WriteResult store(MemoryFrame candidate, String reason) {
        FrameMemory.WriteResult r = memory.write(candidate.step(), candidate.pose(), candidate.tokens(), candidate.dim(),
                candidate.data());
        if (r.evicted() != null) {
            log.frame(candidate.step(), r.merged() ? MemoryEvent.Kind.MERGE : MemoryEvent.Kind.EVICT, r.evicted(),
                    r.merged() ? "blended into frame #" + r.written().id() : "oldest frame dropped");
        }
        log.frame(candidate.step(), MemoryEvent.Kind.WRITE, r.written(), reason);
        return r;
    }

    /**
     * A new memory length from {@code step} on; frames beyond it are evicted (oldest first) like any other.
     * Only the FIFO {@link MemoryStore} can be resized: false for the recurrent state.
     */
    public boolean resize(int step, int capacity) {
        if (!(memory instanceof MemoryStore store)) {
            return false;
        }
        for (MemoryFrame f : store.resize(capacity)) {
            log.frame(step, MemoryEvent.Kind.EVICT, f, "memory length changed to " + capacity);
        }
        return true;
    }

    /** Evicts every frame held, each reported with {@code reason} (frames another compressor can no longer read). */
    public void evictAll(int step, String reason) {
        List<MemoryFrame> held = memory.frames();
        memory.clear();
        for (MemoryFrame f : held) {
            log.frame(step, MemoryEvent.Kind.EVICT, f, reason);
        }
    }

    @Override
    public List<MemoryFrame> recall(int step, Pose agent, PolicyProbe probe) {
        return memory.frames();
    }

    FrameMemory memory() {
        return memory;
    }

    @Override
    public MemoryFootprint footprint() {
        return new MemoryFootprint(memory.size(), memory.totalTokens(), memory.totalBytes(), memory.writes());
    }

    @Override
    public List<MemoryEvent> drainEvents() {
        return log.drain();
    }
}
