package org.memnav.app.replay;

import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.MemoryTiers;
import org.memnav.recordings.PolicyDecision;
import org.memnav.recordings.PoseSample;
import org.memnav.recordings.SubtaskEvent;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run on one step clock, as the workbench scrubs it: poses and modes per step, actions, decisions, memory
 * operations, subtask events and the decision latencies seen live. Filled from a recording at once or from a
 * live run as it goes (appends only, thread-safe); {@link #momentAt(int)} answers "what was true at step s".
 * Poses live in primitive arrays so a 100k-step run stays small.
 */
public final class RunHistory {

    /** Candidate kinds of remembered frames as the learned agent writes them: "memory:frame#12@step345". */
    private static final Pattern FRAME_KIND = Pattern.compile("memory:frame#(\\d+)@step(\\d+)");
    /** The agent snaps a remembered target onto the floor, so the chosen frame is named in the reason instead. */
    private static final Pattern REASON_FRAME = Pattern.compile(".*frame #(\\d+).*");
    /** A summary op names the two frames it folded: "frames #3 and #7 summarised". */
    private static final Pattern SUMMARISED = Pattern.compile("frames #(\\d+) and #(\\d+) summarised");

    private final SceneLayout layout;
    private final RunSetup setup;
    private float[] xs = new float[1024];
    private float[] ys = new float[1024];
    private float[] zs = new float[1024];
    private float[] yaws = new float[1024];
    private byte[] modes = new byte[1024];
    private byte[] actions = new byte[1024];
    private int steps; // poses known for steps [0, steps)
    private final NavigableMap<Integer, PolicyDecision> decisions = new TreeMap<>();
    private final List<MemoryOperation> memoryOps = new ArrayList<>();
    private final List<SubtaskEvent> subtaskEvents = new ArrayList<>();
    private final NavigableMap<Integer, MemoryTiers> tiers = new TreeMap<>();
    private final NavigableMap<Integer, Double> decisionLatencyMs = new TreeMap<>();
    private final Map<Integer, Integer> subtaskCounts = new HashMap<>();
    private PolicyDecision.Mode currentMode = PolicyDecision.Mode.EXPLORATION;

    /** How the run was set up: agent arm, compression rate, memory length, sensor size, models. */
    public record RunSetup(String agent, int rate, int memoryLength, String sceneRef, int sensorWidth, int sensorHeight,
                           String description) {
    }

    public RunHistory(SceneLayout layout, RunSetup setup) {
        this.layout = layout;
        this.setup = setup;
    }

    public SceneLayout layout() {
        return layout;
    }

    public RunSetup setup() {
        return setup;
    }

    public synchronized void addPose(PoseSample pose) {
        int step = pose.step();
        ensure(step + 1);
        for (int s = steps; s < step; s++) { // a gap (should not happen) repeats the last pose
            copyPose(s, steps == 0 ? pose.pose() : poseAt(steps - 1));
        }
        copyPose(step, pose.pose());
        steps = Math.max(steps, step + 1);
    }

    private void copyPose(int step, Pose p) {
        xs[step] = (float) p.position().x();
        ys[step] = (float) p.position().y();
        zs[step] = (float) p.position().z();
        yaws[step] = (float) p.yaw();
        modes[step] = (byte) currentMode.ordinal();
    }

    public synchronized void addAction(int step, Action action) {
        ensure(step + 1);
        actions[step] = (byte) (action.ordinal() + 1); // 0 = no action at this step
    }

    /** A decision; steps after it (until the next) take its mode. */
    public synchronized void addDecision(PolicyDecision decision) {
        decisions.put(decision.step(), decision);
        currentMode = decision.mode();
        for (int s = decision.step(); s < steps; s++) {
            modes[s] = (byte) currentMode.ordinal();
        }
    }

    public synchronized void addDecisionLatency(int step, double ms) {
        decisionLatencyMs.put(step, ms);
    }

    public synchronized void addMemoryOperation(MemoryOperation op) {
        memoryOps.add(op);
    }

    /** A tiered strategy's tiers at a step (the latest of a step wins). */
    public synchronized void addMemoryTiers(MemoryTiers snapshot) {
        tiers.put(snapshot.step(), snapshot);
    }

    /** The latest tiers at or before {@code step}; empty for arms without tiers or before the first snapshot. */
    public synchronized java.util.Optional<MemoryTiers> tiersAt(int step) {
        Map.Entry<Integer, MemoryTiers> e = tiers.floorEntry(step);
        return e == null ? java.util.Optional.empty() : java.util.Optional.of(e.getValue());
    }

    /** Every memory operation so far, in order (writes, skips, tool calls, triggers ...). */
    public synchronized List<MemoryOperation> memoryOperations() {
        return List.copyOf(memoryOps);
    }

    /** How many memory operations are known (cheap: the timeline redraws its ticks only when this grows). */
    public synchronized int memoryOperationCount() {
        return memoryOps.size();
    }

    public synchronized void addSubtaskEvent(SubtaskEvent event, int subtaskCount) {
        subtaskEvents.add(event);
        subtaskCounts.put(event.episodeIndex(), subtaskCount);
    }

    private void ensure(int size) {
        if (size <= xs.length) {
            return;
        }
        int n = Math.max(size, xs.length * 2);
        xs = Arrays.copyOf(xs, n);
        ys = Arrays.copyOf(ys, n);
        zs = Arrays.copyOf(zs, n);
        yaws = Arrays.copyOf(yaws, n);
        modes = Arrays.copyOf(modes, n);
        actions = Arrays.copyOf(actions, n);
    }

    /** The last step with a pose, or -1 before the first. */
    public synchronized int lastStep() {
        return steps - 1;
    }

    private Pose poseAt(int step) {
        return new Pose(new Vec3(xs[step], ys[step], zs[step]), yaws[step]);
    }

    /** Calls {@code visitor} for every step up to {@code step}: x, z and mode (0 exploration, 1 memory-guided). */
    public synchronized void forEachPosition(int step, PositionVisitor visitor) {
        int last = Math.min(step, steps - 1);
        for (int s = 0; s <= last; s++) {
            visitor.visit(s, xs[s], zs[s], modes[s]);
        }
    }

    @FunctionalInterface
    public interface PositionVisitor {
        void visit(int step, double x, double z, int mode);
    }

    /** Steps where a subtask started, for the timeline's markers. */
    public synchronized List<Integer> subtaskStartSteps() {
        return subtaskEvents.stream().filter(e -> e instanceof SubtaskEvent.Started).map(SubtaskEvent::step).toList();
    }

    /** Steps with a memory write, for the timeline's ticks. */
    public synchronized List<Integer> writeSteps() {
        return memoryOps.stream().filter(o -> o.kind() == MemoryOperation.Kind.WRITE).map(MemoryOperation::step).toList();
    }

    /** (step, memory bytes after it) for every memory operation: the memory-size curve. */
    public synchronized List<long[]> memoryBytesSeries() {
        return memoryOps.stream().map(o -> new long[] {o.step(), o.memoryBytes()}).toList();
    }

    /** (step, policy latency ms) per decision; only live runs know it (recordings do not keep it). */
    public synchronized NavigableMap<Integer, Double> decisionLatencies() {
        return new TreeMap<>(decisionLatencyMs);
    }

    public synchronized List<PolicyDecision> decisions() {
        return List.copyOf(decisions.values());
    }

    /** Written frames in write order up to {@code step}, since the memory was last cleared (evictions ignored). */
    public synchronized List<MemoryOperation> writesSinceClear(int step) {
        List<MemoryOperation> out = new ArrayList<>();
        for (MemoryOperation op : memoryOps) {
            if (op.step() > step) {
                break;
            }
            if (op.kind() == MemoryOperation.Kind.CLEAR) {
                out.clear();
            } else if (op.kind() == MemoryOperation.Kind.WRITE) {
                out.add(op);
            }
        }
        return out;
    }

    public synchronized Pose pose(int step) {
        if (steps == 0) {
            throw new IllegalStateException("the run has no pose yet");
        }
        return poseAt(Math.max(0, Math.min(step, steps - 1)));
    }

    /** What was true at {@code step} (clamped to the run). */
    public synchronized RunMoment momentAt(int requested) {
        if (steps == 0) {
            throw new IllegalStateException("the run has no step yet");
        }
        int step = Math.max(0, Math.min(requested, steps - 1));
        PolicyDecision.Mode mode = PolicyDecision.Mode.values()[modes[step]];
        String action = actions[step] == 0 ? "—" : Action.values()[actions[step] - 1].wireName();

        SubtaskEvent.Started current = null;
        List<SubtaskResult> results = new ArrayList<>();
        Map<String, Integer> startedAt = new HashMap<>();
        for (SubtaskEvent e : subtaskEvents) {
            if (e.step() > step) {
                break;
            }
            if (e instanceof SubtaskEvent.Started st) {
                current = st;
                startedAt.put(e.episodeIndex() + "/" + e.subtaskIndex(), e.step());
            } else if (e instanceof SubtaskEvent.Ended en) {
                int from = startedAt.getOrDefault(en.episodeIndex() + "/" + en.subtaskIndex(), 0);
                results.add(new SubtaskResult(en.episodeIndex(), en.subtaskIndex(), en.goal().description(),
                        en.outcome().success(), en.outcome().spl(), en.outcome().revisit(), en.outcome().actions(),
                        writesBetween(from, en.step()), en.step()));
            }
        }

        Map.Entry<Integer, PolicyDecision> d = decisions.floorEntry(step);
        PolicyDecision decision = d == null ? null : d.getValue();
        Map<Long, Double> scores = new HashMap<>();
        long chosenFrame = -1;
        if (decision != null) {
            for (int i = 0; i < decision.candidates().size(); i++) {
                Matcher m = FRAME_KIND.matcher(decision.candidates().get(i).kind());
                if (m.matches()) {
                    long id = Long.parseLong(m.group(1));
                    scores.put(id, decision.candidates().get(i).score());
                    if (i == decision.chosenIndex()) {
                        chosenFrame = id;
                    }
                }
            }
            Matcher r = REASON_FRAME.matcher(decision.reason());
            if (chosenFrame < 0 && decision.mode() == PolicyDecision.Mode.MEMORY_GUIDED && r.matches()) {
                chosenFrame = Long.parseLong(r.group(1));
            }
        }
        LinkedHashMap<Long, MemoryOperation> held = new LinkedHashMap<>();
        long writes = 0;
        for (MemoryOperation op : memoryOps) {
            if (op.step() > step) {
                break;
            }
            switch (op.kind()) {
                case WRITE -> {
                    held.put(op.frameId(), op);
                    writes++;
                }
                // A merged slot, a filtered frame and an evicted one leave the frame memory alike.
                case EVICT, MERGE, FILTER -> held.remove(op.frameId());
                case CLEAR -> held.clear();
                case SUMMARY -> {
                    Matcher m = SUMMARISED.matcher(op.detail());
                    if (m.find()) {
                        held.remove(Long.parseLong(m.group(1)));
                        held.remove(Long.parseLong(m.group(2)));
                    }
                    held.put(op.frameId(), op);
                }
                // Skips store nothing; retrievals, triggers and weaves read; landmarks and facts point at held frames.
                case RETRIEVE, SKIP, ADD, UPDATE, DELETE, TRIGGER, WEAVE -> { }
            }
        }
        List<RememberedFrame> memory = new ArrayList<>();
        long tokens = 0;
        long bytes = 0;
        for (MemoryOperation w : held.values()) {
            int fs = w.frameStep() >= 0 ? w.frameStep() : w.step();
            memory.add(new RememberedFrame(w.frameId(), fs, poseAt(Math.min(fs, steps - 1)), w.tokens(), w.bytes(), step - fs,
                    scores.getOrDefault(w.frameId(), Double.NaN), w.frameId() == chosenFrame));
            tokens += w.tokens();
            bytes += w.bytes();
        }
        int subtaskIndex = current == null ? -1 : current.subtaskIndex();
        int count = current == null ? 0 : subtaskCounts.getOrDefault(current.episodeIndex(), 0);
        return new RunMoment(step, steps - 1, poseAt(step), mode, action, subtaskIndex, count,
                current == null ? null : current.goal(), decision, memory, tokens, bytes, writes, results);
    }

    private long writesBetween(int from, int to) {
        return memoryOps.stream().filter(o -> o.kind() == MemoryOperation.Kind.WRITE && o.step() > from && o.step() <= to).count();
    }
}
