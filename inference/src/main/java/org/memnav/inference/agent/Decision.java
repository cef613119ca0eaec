package org.memnav.inference.agent;

import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * A target choice at a decision point: the chosen point, the mode, and every candidate with its
 * score (lower cost is better: geodesic metres for frontiers) so the workbench can show why.
 */
public record Decision(int step, NavigationMode mode, Vec3 target, List<Candidate> candidates, String reason) {

    public record Candidate(String kind, Vec3 point, double score) {
    }

    public Decision {
        candidates = List.copyOf(candidates);
    }
}
