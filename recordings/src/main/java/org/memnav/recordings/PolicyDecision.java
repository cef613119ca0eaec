package org.memnav.recordings;

import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * One {@code /policy/decision} message: a target choice at a decision point, every candidate with its score
 * (lower is better: geodesic metres for frontiers and remembered goals) and which one was chosen.
 *
 * @param target      the chosen point (Habitat world coordinates), or null when nothing was reachable
 * @param chosenIndex index of the chosen candidate in {@code candidates}, or -1
 * @param reason      why, in words ("nearest frontier", "goal 'chair' seen before")
 */
public record PolicyDecision(int step, Mode mode, Vec3 target, int chosenIndex, String reason, List<Candidate> candidates) {

    /** A point the policy considered: a frontier or a remembered goal ({@code kind} "frontier", "memory:chair#12"). */
    public record Candidate(String kind, Vec3 point, double score) {
    }

    /** exploration: heading for a frontier; memory-guided: heading for a remembered goal. */
    public enum Mode {
        EXPLORATION("exploration"), MEMORY_GUIDED("memory-guided");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Mode fromWireName(String name) {
            for (Mode m : values()) {
                if (m.wireName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown decision mode '" + name + "'");
        }
    }

    public PolicyDecision {
        candidates = List.copyOf(candidates);
        if (mode == null || reason == null) {
            throw new IllegalArgumentException("a decision needs a mode and a reason");
        }
        if (chosenIndex < -1 || chosenIndex >= candidates.size()) {
            throw new IllegalArgumentException("chosen index " + chosenIndex + " outside the " + candidates.size() + " candidates");
        }
    }
}
