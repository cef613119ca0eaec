package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AgeMem's long-term store as landmark entries, one per goal: the goal, the remembered frame (pose and tokens)
 * the policy chose for it and where that frame put the goal. ADD, UPDATE and DELETE are the only ways it
 * changes, each logged; at {@code capacity} the entry updated longest ago is deleted to make room.
 */
final class LandmarkStore {

    /** A long-term entry: goal, frame, the goal's place as the policy put it, and the step it was last updated. */
    record Landmark(String goal, MemoryFrame frame, Vec3 target, int updatedStep) {
    }

    private final int capacity;
    private final EventLog log;
    private final Map<String, Landmark> byGoal = new LinkedHashMap<>();

    LandmarkStore(int capacity, EventLog log) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the landmark store needs room for at least 1 entry, got " + capacity);
        }
        this.capacity = capacity;
        this.log = log;
    }

    /** ADD a landmark for a goal not held, or UPDATE the one held when its frame or place changed. */
    void put(int step, String goal, MemoryFrame frame, Vec3 target) {
        Landmark old = byGoal.get(goal);
        if (old != null && old.frame().id() == frame.id() && old.target().horizontalDistanceTo(target) < 0.25) {
            return; // same evidence, same place: nothing to update
        }
        if (old == null && byGoal.size() >= capacity) {
            Landmark stalest = byGoal.values().stream().min((a, b) -> Integer.compare(a.updatedStep(), b.updatedStep())).orElseThrow();
            delete(step, stalest.goal(), "store full, least recently updated");
        }
        Landmark entry = new Landmark(goal, frame, target, step);
        byGoal.remove(goal); // re-insert last: iteration order is update order
        byGoal.put(goal, entry);
        log.frame(step, old == null ? MemoryEvent.Kind.ADD : MemoryEvent.Kind.UPDATE, frame,
                String.format(Locale.ROOT, "landmark '%s' at (%.1f, %.1f) from frame #%d", goal, target.x(), target.z(), frame.id()));
    }

    /** DELETE the landmark of {@code goal}, if held. */
    boolean delete(int step, String goal, String why) {
        Landmark gone = byGoal.remove(goal);
        if (gone == null) {
            return false;
        }
        log.frame(step, MemoryEvent.Kind.DELETE, gone.frame(), "landmark '" + goal + "': " + why);
        return true;
    }

    Landmark get(String goal) {
        return byGoal.get(goal);
    }

    List<Landmark> all() {
        return new ArrayList<>(byGoal.values());
    }

    void clear() {
        byGoal.clear();
    }
}
