package org.memnav.recordings.compare;

import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.RunMessageDecoder;
import org.memnav.recordings.RunTopics;
import org.memnav.recordings.SubtaskEvent;
import org.memnav.recordings.SubtaskMetrics;
import org.memnav.recordings.query.EpisodeSource;
import org.memnav.recordings.query.FileEpisodeSource;
import org.memnav.recordings.query.Sample;
import org.memnav.recordings.query.TimeRange;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.SubtaskOutcome;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Two or more run recordings side by side, aligned by (episode, subtask) and by step within each subtask, with
 * per-subtask figures and diffs against the first run (the baseline): SPL, memory writes, memory bytes. Only
 * the small channels are read (subtask events and metrics, memory operations), through the chunk index, so
 * comparing long runs with frames stays quick. The sources stay open for side-by-side playback.
 */
public final class RunComparison implements AutoCloseable {

    /** A run's figures over all its subtasks. */
    public record RunTotals(String description, int subtasks, int ended, int successes, double meanSpl, long writes,
                            long finalMemoryBytes, long peakMemoryBytes, int lastStep) {
        /** Successes over ended subtasks (NaN if none ended). */
        public double successRate() {
            return ended == 0 ? Double.NaN : successes / (double) ended;
        }
    }

    private final List<EpisodeSource> sources;
    private final boolean ownsSources;
    private final List<Map<SubtaskKey, SubtaskFigures>> figures = new ArrayList<>();
    private final List<Integer> lastSteps = new ArrayList<>();
    private final List<AlignedSubtask> aligned;

    private RunComparison(List<EpisodeSource> sources, boolean ownsSources) throws IOException {
        if (sources.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two recordings, got " + sources.size());
        }
        this.sources = List.copyOf(sources);
        this.ownsSources = ownsSources;
        for (EpisodeSource source : sources) {
            figures.add(read(source));
            lastSteps.add(source.timeRange().map(TimeRange::endNs).map(t -> source.timeline().stepAt(t)).orElse(0));
        }
        TreeSet<SubtaskKey> keys = new TreeSet<>();
        figures.forEach(f -> keys.addAll(f.keySet()));
        List<AlignedSubtask> rows = new ArrayList<>();
        for (SubtaskKey key : keys) {
            List<Optional<SubtaskFigures>> perRun = new ArrayList<>();
            for (Map<SubtaskKey, SubtaskFigures> f : figures) {
                perRun.add(Optional.ofNullable(f.get(key)));
            }
            rows.add(new AlignedSubtask(key, perRun));
        }
        this.aligned = List.copyOf(rows);
    }

    /** Opens the recordings (closed again by {@link #close()}). */
    public static RunComparison open(List<Path> files) throws IOException {
        List<EpisodeSource> opened = new ArrayList<>();
        try {
            for (Path file : files) {
                opened.add(FileEpisodeSource.open(file));
            }
            return new RunComparison(opened, true);
        } catch (IOException | RuntimeException e) {
            for (EpisodeSource s : opened) {
                s.close();
            }
            throw e;
        }
    }

    /** Compares sources the caller owns (they stay open after {@link #close()}). */
    public static RunComparison of(List<EpisodeSource> sources) throws IOException {
        return new RunComparison(sources, false);
    }

    public List<EpisodeSource> sources() {
        return sources;
    }

    public int runCount() {
        return sources.size();
    }

    /** Every subtask any run reached, in (episode, subtask) order. */
    public List<AlignedSubtask> subtasks() {
        return aligned;
    }

    public RunTotals totals(int run) {
        Map<SubtaskKey, SubtaskFigures> f = figures.get(run);
        int ended = 0;
        int successes = 0;
        double splSum = 0;
        long writes = 0;
        boolean writesKnown = true;
        long finalBytes = -1;
        long peak = -1;
        for (SubtaskFigures s : f.values()) {
            if (s.ended()) {
                ended++;
                successes += s.success() ? 1 : 0;
                splSum += Double.isFinite(s.spl()) ? s.spl() : 0;
                finalBytes = s.memoryBytes();
            }
            writesKnown &= s.writes() >= 0;
            writes += Math.max(0, s.writes());
            peak = Math.max(peak, s.peakMemoryBytes());
        }
        return new RunTotals(sources.get(run).description(), f.size(), ended, successes, ended == 0 ? Double.NaN : splSum / ended,
                writesKnown ? writes : -1, finalBytes, peak, lastSteps.get(run));
    }

    /**
     * The step of {@code toRun} that lines up with {@code step} of {@code fromRun}: same subtask, same number of
     * steps since it started (clamped to the subtask's end). Empty when {@code toRun} never reached that subtask
     * or {@code step} lies before the first subtask.
     */
    public OptionalInt alignedStep(int fromRun, int step, int toRun) {
        SubtaskKey key = null;
        SubtaskFigures from = null;
        for (Map.Entry<SubtaskKey, SubtaskFigures> e : figures.get(fromRun).entrySet()) {
            if (e.getValue().startStep() <= step && (from == null || e.getValue().startStep() >= from.startStep())) {
                key = e.getKey();
                from = e.getValue();
            }
        }
        if (key == null) {
            return OptionalInt.empty();
        }
        SubtaskFigures to = figures.get(toRun).get(key);
        if (to == null) {
            return OptionalInt.empty();
        }
        int offset = step - from.startStep();
        int last = to.ended() ? to.endStep() : lastSteps.get(toRun);
        return OptionalInt.of(Math.min(to.startStep() + offset, last));
    }

    @Override
    public void close() throws IOException {
        if (!ownsSources) {
            return;
        }
        IOException first = null;
        for (EpisodeSource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static Map<SubtaskKey, SubtaskFigures> read(EpisodeSource source) throws IOException {
        RunMessageDecoder decoder = source.decoder().orElseThrow(() -> new IOException(source.description()
                + " is not a MemNav run recording (it has no " + RunTopics.CONFIG + " channel); cannot compare it"));
        Map<SubtaskKey, SubtaskMetrics> metrics = new LinkedHashMap<>();
        for (Sample s : source.range(RunTopics.SUBTASK_METRICS, 0, -1L)) {
            SubtaskMetrics m = decoder.subtaskMetrics(s.message());
            metrics.put(new SubtaskKey(m.episodeIndex(), m.subtaskIndex()), m);
        }
        List<MemoryOperation> ops = new ArrayList<>();
        for (Sample s : source.range(RunTopics.MEMORY_OPS, 0, -1L)) {
            ops.add(decoder.memoryOperation(s.message()));
        }
        Map<SubtaskKey, SubtaskFigures> out = new LinkedHashMap<>();
        Map<SubtaskKey, SubtaskEvent.Started> open = new LinkedHashMap<>();
        for (Sample s : source.range(RunTopics.SUBTASK, 0, -1L)) {
            SubtaskEvent event = decoder.subtask(s.message());
            SubtaskKey key = new SubtaskKey(event.episodeIndex(), event.subtaskIndex());
            switch (event) {
                case SubtaskEvent.Started started -> {
                    open.put(key, started);
                    out.put(key, figures(started.goal(), started.step(), -1, null, metrics.get(key), ops));
                }
                case SubtaskEvent.Ended ended -> {
                    SubtaskEvent.Started started = open.remove(key);
                    int start = started == null ? ended.step() - ended.outcome().actions() : started.step();
                    out.put(key, figures(ended.goal(), start, ended.step(), ended.outcome(), metrics.get(key), ops));
                }
            }
        }
        return out;
    }

    private static SubtaskFigures figures(Goal goal, int start, int end, SubtaskOutcome outcome, SubtaskMetrics metrics,
                                          List<MemoryOperation> ops) {
        boolean ended = outcome != null;
        long writes = -1;
        long bytes = -1;
        long peak = -1;
        int decisions = -1;
        if (metrics != null) {
            writes = metrics.writes();
            bytes = metrics.memoryBytes();
            peak = metrics.peakMemoryBytes();
            decisions = metrics.decisions();
        } else if (!ops.isEmpty()) {
            // Older recordings: count the memory operations logged during the subtask.
            int last = ended ? end : Integer.MAX_VALUE;
            writes = 0;
            bytes = 0;
            for (MemoryOperation op : ops) {
                if (op.step() <= last) {
                    bytes = op.memoryBytes();
                }
                if (op.step() >= start && op.step() <= last) {
                    writes += op.kind() == MemoryOperation.Kind.WRITE ? 1 : 0;
                    peak = Math.max(peak, op.memoryBytes());
                }
            }
            peak = Math.max(peak, bytes);
        }
        return new SubtaskFigures(goal, start, end, ended, ended && outcome.success(), ended ? outcome.spl() : Double.NaN,
                ended ? outcome.actions() : 0, writes, bytes, peak, decisions);
    }
}
