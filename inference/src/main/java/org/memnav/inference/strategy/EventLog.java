package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The memory events of the current step, stamped with the owning strategy's footprint after each one. */
final class EventLog {

    private final Supplier<MemoryFootprint> footprint;
    private final List<MemoryEvent> events = new ArrayList<>();

    EventLog(Supplier<MemoryFootprint> footprint) {
        this.footprint = footprint;
    }

    void frame(int step, MemoryEvent.Kind kind, MemoryFrame frame, String detail) {
        add(step, kind, frame, frame.tokens(), frame.bytes(), detail);
    }

    void add(int step, MemoryEvent.Kind kind, MemoryFrame frame, long tokens, long bytes, String detail) {
        MemoryFootprint after = footprint.get();
        events.add(new MemoryEvent(step, kind, frame, tokens, bytes, after.frames(), after.bytes(), detail));
    }

    List<MemoryEvent> drain() {
        List<MemoryEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }
}
