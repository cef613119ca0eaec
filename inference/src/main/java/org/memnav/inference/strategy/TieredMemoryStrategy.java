package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.inference.policy.PolicyScores;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Mem-alpha's three tiers, with principled rules where Mem-alpha learns its memory construction with RL:
 * <ul>
 * <li>core: the current subtask, goal, agent pose and target (overwritten as they change);</li>
 * <li>episodic: the FIFO of compressed frames (always-write) and a bounded log of time-stamped events;</li>
 * <li>semantic: goal -> place facts. When the agent stops where memory put the goal, the fact for that goal is
 * added (or updated: place averaged over the stops that backed it) with the frame that led there; a failed
 * arrival check deletes it. The policy reads episodic frames plus every fact's frame, so a fact outlives the
 * FIFO eviction of the frame behind it: what a revisit needs.</li>
 * </ul>
 */
public final class TieredMemoryStrategy implements MemoryStrategy {

    static final int MAX_EVENTS = 32;
    static final double FACT_RADIUS_M = 1.5;

    private final EventLog log = new EventLog(this::footprint);
    private final WindowMemoryStrategy episodic;
    private final ArrayDeque<TierSnapshot.EpisodicEvent> events = new ArrayDeque<>();
    private final Map<String, Fact> semantic = new LinkedHashMap<>();
    private int subtask = -1;
    private String goal = "";
    private Pose agent;
    private Vec3 target;
    private MemoryFrame chosenFrame;
    private int lastStep;
    private boolean changed;

    /** A fact in the making (the snapshot copies it into a {@link TierSnapshot.SemanticFact}). */
    private record Fact(String goal, Vec3 place, int support, MemoryFrame frame, int updatedStep) {
    }

    public TieredMemoryStrategy(int episodicLength) {
        this.episodic = new WindowMemoryStrategy(new MemoryStore(episodicLength), new AlwaysWrite(), log);
    }

    @Override
    public void startEpisode() {
        episodic.startEpisode();
        events.clear();
        semantic.clear();
        subtask = -1;
        target = null;
        chosenFrame = null;
        changed = true;
    }

    @Override
    public void startSubtask(int step, int newSubtask, String goalKey, Pose pose) {
        subtask = newSubtask;
        goal = goalKey;
        agent = pose;
        target = null;
        chosenFrame = null;
        event(step, "subtask " + newSubtask + " starts: " + goalKey
                + (semantic.containsKey(goalKey) ? " (a semantic fact knows where)" : ""));
    }

    @Override
    public boolean considersWrite(WriteCue cue) {
        return episodic.considersWrite(cue);
    }

    @Override
    public boolean offer(MemoryFrame candidate, PolicyProbe probe) {
        boolean written = episodic.offer(candidate, probe);
        agent = candidate.pose();
        lastStep = candidate.step();
        changed = true;
        return written;
    }

    @Override
    public List<MemoryFrame> recall(int step, Pose pose, PolicyProbe probe) {
        List<MemoryFrame> frames = new ArrayList<>(episodic.memory().frames());
        Set<Long> held = new HashSet<>();
        frames.forEach(f -> held.add(f.id()));
        for (Fact f : semantic.values()) {
            if (held.add(f.frame().id())) {
                frames.add(f.frame());
            }
        }
        return frames;
    }

    @Override
    public void decided(int step, Pose pose, List<MemoryFrame> frames, PolicyScores scores, PolicyScores.Choice chosen,
                        Vec3 newTarget) {
        agent = pose;
        target = newTarget;
        chosenFrame = chosen != null && chosen.memory() ? frames.get(chosen.index()) : null;
        lastStep = step;
        changed = true;
    }

    @Override
    public void arrivalChecked(int step, Vec3 at, boolean confirmed) {
        Fact fact = semantic.get(goal);
        if (!confirmed && fact != null && fact.place().horizontalDistanceTo(at) <= FACT_RADIUS_M) {
            semantic.remove(goal);
            log.frame(step, MemoryEvent.Kind.DELETE, fact.frame(), "semantic fact '" + goal + "' refuted on arrival");
            event(step, "fact '" + goal + "' deleted: not there on arrival");
        }
    }

    @Override
    public void stopped(int step, Pose pose, boolean memoryGuided) {
        if (!memoryGuided || chosenFrame == null) {
            return;
        }
        Vec3 here = pose.position();
        Fact old = semantic.get(goal);
        Fact fact;
        if (old == null) {
            fact = new Fact(goal, here, 1, chosenFrame, step);
        } else {
            int n = old.support() + 1;
            Vec3 mean = new Vec3(old.place().x() + (here.x() - old.place().x()) / n,
                    old.place().y() + (here.y() - old.place().y()) / n, old.place().z() + (here.z() - old.place().z()) / n);
            fact = new Fact(goal, mean, n, chosenFrame, step);
        }
        semantic.put(goal, fact);
        String where = String.format(Locale.ROOT, "(%.1f, %.1f)", fact.place().x(), fact.place().z());
        log.frame(step, old == null ? MemoryEvent.Kind.ADD : MemoryEvent.Kind.UPDATE, chosenFrame,
                "semantic fact '" + goal + "' at " + where + ", support " + fact.support());
        event(step, "stopped at the goal '" + goal + "' " + where);
        agent = pose;
    }

    private void event(int step, String text) {
        events.addLast(new TierSnapshot.EpisodicEvent(step, text));
        if (events.size() > MAX_EVENTS) {
            events.removeFirst();
        }
        lastStep = step;
        changed = true;
    }

    /** The tiers as they are now. */
    public TierSnapshot snapshot() {
        List<TierSnapshot.EpisodicFrame> frames = episodic.memory().frames().stream()
                .map(f -> new TierSnapshot.EpisodicFrame(f.id(), f.step(), f.pose())).toList();
        List<TierSnapshot.SemanticFact> facts = semantic.values().stream()
                .map(f -> new TierSnapshot.SemanticFact(f.goal(), f.place(), f.support(), f.frame().id(), f.updatedStep())).toList();
        return new TierSnapshot(lastStep, new TierSnapshot.Core(subtask, goal, agent, target), frames, List.copyOf(events), facts);
    }

    @Override
    public TierSnapshot drainTiers() {
        if (!changed) {
            return null;
        }
        changed = false;
        return snapshot();
    }

    @Override
    public MemoryFootprint footprint() {
        MemoryFootprint e = episodic.footprint();
        int frames = e.frames();
        long tokens = e.tokens();
        long bytes = e.bytes();
        Set<Long> held = new HashSet<>();
        episodic.memory().frames().forEach(f -> held.add(f.id()));
        for (Fact f : semantic.values()) {
            if (held.add(f.frame().id())) {
                frames++;
                tokens += f.frame().tokens();
                bytes += f.frame().bytes();
            }
        }
        return new MemoryFootprint(frames, tokens, bytes, e.writes());
    }

    @Override
    public List<MemoryEvent> drainEvents() {
        return log.drain();
    }
}
