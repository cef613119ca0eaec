package org.memnav.inference.memory;

import org.memnav.simbridge.api.Pose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The agent's visual memory: compressed frame tokens with their poses, at most {@code capacity}
 * frames, oldest evicted first (FIFO, the AstraNav-Memory default). Keeps token and byte totals so
 * the workbench can show what the memory costs.
 */
public final class MemoryStore implements FrameMemory {

    private int capacity;
    private final Deque<MemoryFrame> frames = new ArrayDeque<>();
    private long nextId = 1;
    private long totalTokens;
    private long totalBytes;
    private long writes;

    public MemoryStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("memory length must be at least 1 frame, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public WriteResult write(int step, Pose pose, int tokens, int dim, float[] data) {
        MemoryFrame frame = new MemoryFrame(nextId++, step, pose, tokens, dim, data);
        MemoryFrame evicted = null;
        if (frames.size() == capacity) {
            evicted = frames.removeFirst();
            totalTokens -= evicted.tokens();
            totalBytes -= evicted.bytes();
        }
        frames.addLast(frame);
        totalTokens += frame.tokens();
        totalBytes += frame.bytes();
        writes++;
        return new WriteResult(frame, evicted);
    }

    /**
     * A new memory length from now on (the workbench's live slider): shrinking drops the oldest frames at once,
     * returned oldest first so the caller reports them as evictions.
     */
    public List<MemoryFrame> resize(int newCapacity) {
        if (newCapacity < 1) {
            throw new IllegalArgumentException("memory length must be at least 1 frame, got " + newCapacity);
        }
        capacity = newCapacity;
        List<MemoryFrame> evicted = new ArrayList<>();
        while (frames.size() > capacity) {
            MemoryFrame e = frames.removeFirst();
            totalTokens -= e.tokens();
            totalBytes -= e.bytes();
            evicted.add(e);
        }
        return evicted;
    }

    @Override
    public List<MemoryFrame> frames() {
        return List.copyOf(frames);
    }

    @Override
    public int size() {
        return frames.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long totalTokens() {
        return totalTokens;
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public long writes() {
        return writes;
    }

    @Override
    public void clear() {
        frames.clear();
        totalTokens = 0;
        totalBytes = 0;
    }
}
