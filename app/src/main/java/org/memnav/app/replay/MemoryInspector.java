package org.memnav.app.replay;

import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.MemoryTiers;
import org.memnav.recordings.PolicyDecision;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reconstructs the memory strategy's state at a playhead step from what the run recorded: the {@code /memory/ops}
 * operations up to the step (with their reasons) and the latest {@code /memory/tiers} snapshot. Works the same for
 * live runs and recordings, since both fold into a {@link RunHistory}.
 */
public final class MemoryInspector {

    /** Steps of operations the inspector lists. */
    public static final int DEFAULT_RECENT_STEPS = 50;

    /** The gate's reasons carry its measured total variation: "no surprise: tv 0.034 <= 0.100, still frontier#0". */
    private static final Pattern TV = Pattern.compile("\\btv (\\d+(?:\\.\\d+)?)");
    /** AgeMem landmark ops: "landmark 'chair' at (4.8, 2.6) from frame #4"; deletes: "landmark 'chair': why". */
    private static final Pattern LANDMARK_AT = Pattern.compile("landmark '(.*)' at \\((-?[\\d.]+), (-?[\\d.]+)\\)");
    private static final Pattern LANDMARK = Pattern.compile("landmark '(.*)'");

    private final int recentSteps;

    public MemoryInspector() {
        this(DEFAULT_RECENT_STEPS);
    }

    public MemoryInspector(int recentSteps) {
        if (recentSteps < 1) {
            throw new IllegalArgumentException("the inspector lists at least one step of operations, got " + recentSteps);
        }
        this.recentSteps = recentSteps;
    }

    public MemoryInspection inspect(RunHistory history, int step) {
        String arm = history.setup().agent();
        Map<MemoryOperation.Kind, Integer> counts = new EnumMap<>(MemoryOperation.Kind.class);
        List<MemoryOperation> recent = new ArrayList<>();
        List<MemoryOperation> shortTerm = new ArrayList<>();
        Map<String, MemoryInspection.Landmark> landmarks = new LinkedHashMap<>();
        int measured = 0;
        double lastChange = Double.NaN;
        double sumChange = 0;
        for (MemoryOperation op : history.memoryOperations()) {
            if (op.step() > step) {
                break;
            }
            counts.merge(op.kind(), 1, Integer::sum);
            boolean isRecent = op.step() > step - recentSteps;
            if (isRecent) {
                recent.add(op);
            }
            switch (op.kind()) {
                case WRITE, SKIP -> {
                    Matcher tv = TV.matcher(op.detail());
                    if (tv.find()) {
                        lastChange = Double.parseDouble(tv.group(1));
                        sumChange += lastChange;
                        measured++;
                    }
                }
                case ADD, UPDATE -> {
                    Matcher m = LANDMARK_AT.matcher(op.detail());
                    if (m.find()) {
                        landmarks.remove(m.group(1)); // re-inserted last: the list is in update order
                        landmarks.put(m.group(1), new MemoryInspection.Landmark(m.group(1), op.frameId(),
                                Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), op.step()));
                    }
                }
                case DELETE -> {
                    Matcher m = LANDMARK.matcher(op.detail());
                    if (m.find()) {
                        landmarks.remove(m.group(1));
                    }
                }
                case CLEAR -> landmarks.clear();
                default -> { }
            }
            if (isRecent && isShortTerm(op.kind())) {
                shortTerm.add(op);
            }
        }
        recent = recent.reversed();
        shortTerm = shortTerm.reversed();
        int decisions = (int) history.decisions().stream().mapToInt(PolicyDecision::step).filter(s -> s <= step).count();
        MemoryInspection.WriteTally writes = new MemoryInspection.WriteTally(counts.getOrDefault(MemoryOperation.Kind.WRITE, 0),
                counts.getOrDefault(MemoryOperation.Kind.SKIP, 0), measured, lastChange, measured == 0 ? Double.NaN : sumChange / measured);
        MemoryInspection.TriggerTally trigger = new MemoryInspection.TriggerTally(counts.getOrDefault(MemoryOperation.Kind.TRIGGER, 0),
                decisions);
        MemoryTiers tiers = history.tiersAt(step).orElse(null);
        List<MemoryInspection.Landmark> held = List.copyOf(landmarks.values());

        List<MemoryInspection.Section> sections = new ArrayList<>();
        if (tiers != null || "tiers".equals(arm)) {
            sections.addAll(tierSections(tiers));
        }
        if ("tools".equals(arm) || !held.isEmpty()) {
            sections.add(new MemoryInspection.Section("Long-term landmarks (" + held.size() + ")", held.isEmpty()
                    ? List.of("none yet: a landmark is added when the policy heads for a remembered frame of the goal")
                    : held.reversed().stream().map(l -> String.format(Locale.ROOT, "%s → (%.1f, %.1f) · frame #%d · step %d",
                    l.goal(), l.x(), l.z(), l.frameId(), l.updatedStep())).toList()));
            sections.add(new MemoryInspection.Section("Short-term window ops (last " + recentSteps + " steps)", shortTerm.isEmpty()
                    ? List.of("none") : shortTerm.stream().map(OpTimeline::describe).toList()));
        }
        if (writes.skips() > 0 || isWritePolicyArm(arm)) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "written %d · skipped %d%s", writes.writes(), writes.skips(),
                    Double.isNaN(writes.writeFraction()) ? "" : String.format(Locale.ROOT, " · %.0f %% written", 100 * writes.writeFraction())));
            if (writes.measured() > 0) {
                lines.add(String.format(Locale.ROOT, "gate's change (total variation of the policy's choice): last %.3f · mean %.3f over %d judgements",
                        writes.lastChange(), writes.meanChange(), writes.measured()));
            }
            sections.add(new MemoryInspection.Section("Write policy", lines));
        }
        if (trigger.fires() > 0 || "trigger".equals(arm)) {
            sections.add(new MemoryInspection.Section("Memory trigger", List.of(String.format(Locale.ROOT,
                    "fired %d of %d decisions%s · weaves %d", trigger.fires(), trigger.decisions(),
                    Double.isNaN(trigger.rate()) ? "" : String.format(Locale.ROOT, " (%.0f %%)", 100 * trigger.rate()),
                    counts.getOrDefault(MemoryOperation.Kind.WEAVE, 0)))));
        }
        String headline = String.format(Locale.ROOT, "step %d · arm %s · %s", step, arm, counts.isEmpty() ? "no memory operations yet"
                : String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().wireName()).toList()));
        return new MemoryInspection(step, arm, counts, recent, recentSteps, tiers, held, shortTerm, writes, trigger, headline, sections);
    }

    private static boolean isShortTerm(MemoryOperation.Kind kind) {
        return kind == MemoryOperation.Kind.WRITE || kind == MemoryOperation.Kind.SUMMARY || kind == MemoryOperation.Kind.FILTER
                || kind == MemoryOperation.Kind.RETRIEVE;
    }

    private static boolean isWritePolicyArm(String arm) {
        return "gate".equals(arm) || "periodic".equals(arm) || "random".equals(arm);
    }

    private static List<MemoryInspection.Section> tierSections(MemoryTiers t) {
        if (t == null) {
            return List.of(new MemoryInspection.Section("Tiers", List.of("no tier snapshot at or before this step")));
        }
        List<String> core = new ArrayList<>();
        core.add("subtask " + (t.subtask() + 1) + " · goal " + (t.goal().isEmpty() ? "—" : t.goal()));
        if (t.agent() != null) {
            core.add(String.format(Locale.ROOT, "agent at (%.2f, %.2f) facing %.0f°", t.agent().position().x(),
                    t.agent().position().z(), Math.toDegrees(t.agent().yaw())));
        }
        core.add(t.target() == null ? "no target" : String.format(Locale.ROOT, "target (%.2f, %.2f)", t.target().x(), t.target().z()));
        core.add("snapshot of step " + t.step());
        List<String> episodic = new ArrayList<>();
        for (MemoryTiers.EpisodicFrame f : t.episodicFrames().reversed()) {
            episodic.add(String.format(Locale.ROOT, "step %d · frame #%d at (%.2f, %.2f)", f.step(), f.frameId(),
                    f.pose().position().x(), f.pose().position().z()));
        }
        for (MemoryTiers.EpisodicEvent e : t.episodicEvents().reversed()) {
            episodic.add("step " + e.step() + " · " + e.text());
        }
        List<String> semantic = t.semantic().isEmpty()
                ? List.of("no facts yet: a fact is added when the agent stops where memory put the goal")
                : t.semantic().stream().map(f -> String.format(Locale.ROOT, "%s → (%.2f, %.2f) · support %d · frame #%d · step %d",
                f.goal(), f.place().x(), f.place().z(), f.support(), f.frameId(), f.updatedStep())).toList();
        return List.of(new MemoryInspection.Section("Core", core),
                new MemoryInspection.Section("Episodic (" + t.episodicFrames().size() + " frames, " + t.episodicEvents().size()
                        + " events)", episodic),
                new MemoryInspection.Section("Semantic (" + t.semantic().size() + " facts)", semantic));
    }
}
