package org.memnav.scenes.metrics;

import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.SubtaskOutcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GOAT-style metrics over many subtasks: SR and SPL, both per goal modality, and split into first
 * visits and revisits of a goal region (the lifelong-memory signal: an agent that remembers should
 * have a higher revisit SPL). A goal the episode never reached (the agent called stop early)
 * counts as a failure with SPL 0 in the totals and its modality; it is in neither visit split,
 * since it was never judged.
 */
public record LifelongMetrics(Share all, Map<GoalModality, Share> byModality, Share firstVisit, Share revisit) {

    /** Success rate and mean SPL over {@code subtasks} subtasks (NaN when there are none). */
    public record Share(int subtasks, int successes, double splSum) {
        public double successRate() {
            return subtasks == 0 ? Double.NaN : successes / (double) subtasks;
        }

        public double spl() {
            return subtasks == 0 ? Double.NaN : splSum / subtasks;
        }

        Share plus(boolean success, double spl) {
            return new Share(subtasks + 1, successes + (success ? 1 : 0), splSum + spl);
        }
    }

    public LifelongMetrics {
        byModality = Map.copyOf(byModality);
    }

    /** Collects episodes one by one. */
    public static final class Accumulator {
        private Share all = new Share(0, 0, 0);
        private final Map<GoalModality, Share> byModality = new EnumMap<>(GoalModality.class);
        private Share first = new Share(0, 0, 0);
        private Share again = new Share(0, 0, 0);
        private final List<SubtaskOutcome> outcomes = new ArrayList<>();

        /** Adds an episode: its goals and the outcomes of the subtasks it got through, in order. */
        public Accumulator add(EpisodeSpec spec, List<SubtaskOutcome> episodeOutcomes) {
            for (int i = 0; i < spec.goals().size(); i++) {
                Goal goal = spec.goals().get(i);
                SubtaskOutcome o = i < episodeOutcomes.size() ? episodeOutcomes.get(i) : null;
                boolean success = o != null && o.success();
                double spl = o == null ? 0 : o.spl();
                all = all.plus(success, spl);
                byModality.merge(goal.modality(), new Share(1, success ? 1 : 0, spl),
                        (a, b) -> new Share(a.subtasks + 1, a.successes + b.successes, a.splSum + b.splSum));
                if (o != null) {
                    if (o.revisit()) {
                        again = again.plus(success, spl);
                    } else {
                        first = first.plus(success, spl);
                    }
                    outcomes.add(o);
                }
            }
            return this;
        }

        public LifelongMetrics metrics() {
            return new LifelongMetrics(all, byModality, first, again);
        }

        /** Every judged outcome added so far. */
        public List<SubtaskOutcome> outcomes() {
            return List.copyOf(outcomes);
        }
    }

    public Share modality(GoalModality m) {
        return byModality.getOrDefault(m, new Share(0, 0, 0));
    }
}
