package org.memnav.app.replay;

import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.MemoryTiers;

import java.util.List;
import java.util.Map;

/**
 * The memory strategy's state at one playhead step, as the Memory inspector shows it.
 *
 * @param arm          the agent arm that made the run
 * @param counts       operations of each kind up to the step
 * @param recentOps    operations of the last {@code recentSteps} steps, newest first
 * @param tiers        the latest tiers at or before the step (tiered arms), or null
 * @param landmarks    long-term landmarks held at the step (AgeMem tools), in update order
 * @param shortTermOps short-term window operations (write, summary, filter, retrieve) of the last steps, newest first
 * @param writes       writes vs skips so far and the gate's measured change
 * @param trigger      how often MemGen's trigger fired so far, of the decisions so far
 * @param sections     what the inspector lists, titled, in order (derived from the fields above)
 */
public record MemoryInspection(int step, String arm, Map<MemoryOperation.Kind, Integer> counts, List<MemoryOperation> recentOps,
                               int recentSteps, MemoryTiers tiers, List<Landmark> landmarks, List<MemoryOperation> shortTermOps,
                               WriteTally writes, TriggerTally trigger, String headline, List<Section> sections) {

    public MemoryInspection {
        counts = Map.copyOf(counts);
        recentOps = List.copyOf(recentOps);
        landmarks = List.copyOf(landmarks);
        shortTermOps = List.copyOf(shortTermOps);
        sections = List.copyOf(sections);
    }

    public int count(MemoryOperation.Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** A long-term landmark: the goal it is filed under, the frame behind it and where it puts the goal. */
    public record Landmark(String goal, long frameId, double x, double z, int updatedStep) {
    }

    /**
     * Frames written and skipped so far; for the action-surprise gate the total variation it measured at each
     * judgement ({@code lastChange} and {@code meanChange} NaN when the arm measures none).
     */
    public record WriteTally(int writes, int skips, int measured, double lastChange, double meanChange) {

        public double writeFraction() {
            return writes + skips == 0 ? Double.NaN : (double) writes / (writes + skips);
        }
    }

    /** MemGen's trigger: times it fired (consulted long-term memory) and decisions so far. */
    public record TriggerTally(int fires, int decisions) {

        public double rate() {
            return decisions == 0 ? Double.NaN : (double) fires / decisions;
        }
    }

    /** One titled list of the inspector. */
    public record Section(String title, List<String> lines) {

        public Section {
            lines = List.copyOf(lines);
        }
    }
}
