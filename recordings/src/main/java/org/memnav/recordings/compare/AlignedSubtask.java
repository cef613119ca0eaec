package org.memnav.recordings.compare;

import org.memnav.simbridge.api.Goal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One subtask seen in every compared run: per run its figures, or empty where that run never reached it.
 * {@link #sameGoal()} is false when the runs were given different goals here (e.g. different seeds), so a
 * diff compares unlike things.
 */
public record AlignedSubtask(SubtaskKey key, List<Optional<SubtaskFigures>> runs) {
    public AlignedSubtask {
        runs = List.copyOf(runs);
    }

    public Optional<SubtaskFigures> run(int index) {
        return runs.get(index);
    }

    /** The goal of the first run that has this subtask. */
    public Goal goal() {
        return runs.stream().flatMap(Optional::stream).findFirst().map(SubtaskFigures::goal).orElseThrow();
    }

    public boolean sameGoal() {
        Goal first = goal();
        return runs.stream().flatMap(Optional::stream).allMatch(f -> Objects.equals(f.goal().category(), first.category())
                && f.goal().instanceId() == first.instanceId() && f.goal().modality() == first.modality());
    }

    /** {@code run}'s SPL minus the baseline's (run 0); NaN where either did not end this subtask. */
    public double splDelta(int run) {
        return delta(run, f -> f.ended() ? f.spl() : Double.NaN);
    }

    /** {@code run}'s memory writes minus the baseline's; NaN where either is unknown. */
    public double writesDelta(int run) {
        return delta(run, f -> f.writes() < 0 ? Double.NaN : f.writes());
    }

    /** {@code run}'s memory bytes at the end minus the baseline's; NaN where either is unknown. */
    public double memoryBytesDelta(int run) {
        return delta(run, f -> f.memoryBytes() < 0 ? Double.NaN : f.memoryBytes());
    }

    private double delta(int run, ToDoubleFunction<SubtaskFigures> figure) {
        Optional<SubtaskFigures> base = runs.get(0);
        Optional<SubtaskFigures> other = runs.get(run);
        if (base.isEmpty() || other.isEmpty()) {
            return Double.NaN;
        }
        return figure.applyAsDouble(other.get()) - figure.applyAsDouble(base.get());
    }
}
