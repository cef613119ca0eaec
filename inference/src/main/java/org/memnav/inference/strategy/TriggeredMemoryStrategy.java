package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.simbridge.api.Pose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MemGen's trigger and weaver over the AstraNav FIFO (always-write): the policy normally reads only the
 * short-term window (the newest {@code shortTerm} frames). At each decision the {@link RecallTrigger} decides
 * whether to consult the rest of long-term memory; when it fires, the {@link GoalWeaver} condenses the long-term
 * frames into a few goal-matching frames the policy reads alongside the window. TRIGGER and WEAVE events say
 * when it fired and what it kept; the eval reports the firing rate per decision.
 */
public final class TriggeredMemoryStrategy implements MemoryStrategy {

    public static final int DEFAULT_SHORT_TERM = 4;
    public static final int DEFAULT_WOVEN = 4;
    public static final int DEFAULT_REFRESH_WRITES = 8;

    private final EventLog log = new EventLog(this::footprint);
    private final WindowMemoryStrategy longTerm;
    private final int shortTerm;
    private final RecallTrigger trigger;
    private final GoalWeaver weaver;
    private int subtask = -1;
    private long decisions;
    private long fires;

    public TriggeredMemoryStrategy(int memoryLength, int shortTerm, RecallTrigger trigger, GoalWeaver weaver) {
        if (shortTerm < 1) {
            throw new IllegalArgumentException("the short-term window holds at least 1 frame, got " + shortTerm);
        }
        this.longTerm = new WindowMemoryStrategy(new MemoryStore(memoryLength), new AlwaysWrite(), log);
        this.shortTerm = shortTerm;
        this.trigger = trigger;
        this.weaver = weaver;
    }

    @Override
    public void startEpisode() {
        longTerm.startEpisode();
        trigger.reset();
        subtask = -1;
    }

    @Override
    public void startSubtask(int step, int newSubtask, String goalKey, Pose agent) {
        subtask = newSubtask;
    }

    @Override
    public boolean considersWrite(WriteCue cue) {
        return longTerm.considersWrite(cue);
    }

    @Override
    public boolean offer(MemoryFrame candidate, PolicyProbe probe) {
        return longTerm.offer(candidate, probe);
    }

    @Override
    public List<MemoryFrame> recall(int step, Pose agent, PolicyProbe probe) {
        List<MemoryFrame> all = longTerm.memory().frames();
        int split = Math.max(0, all.size() - shortTerm);
        List<MemoryFrame> recent = all.subList(split, all.size());
        List<MemoryFrame> older = all.subList(0, split);
        decisions++;
        boolean shortTermFindsGoal = !recent.isEmpty() && !older.isEmpty() && probe.score(recent).best().memory();
        if (!trigger.fires(subtask, longTerm.memory().writes(), older.size(), shortTermFindsGoal)) {
            return recent;
        }
        fires++;
        log.add(step, MemoryEvent.Kind.TRIGGER, null, older.stream().mapToLong(MemoryFrame::tokens).sum(),
                older.stream().mapToLong(MemoryFrame::bytes).sum(), "consult " + older.size() + " long-term frames");
        List<GoalWeaver.Scored> woven = weaver.weave(older, probe.goal());
        List<MemoryFrame> frames = new ArrayList<>();
        StringBuilder picked = new StringBuilder();
        for (GoalWeaver.Scored s : woven) {
            frames.add(s.frame());
            picked.append(picked.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "#%d (%.2f)", s.frame().id(), s.match()));
        }
        log.add(step, MemoryEvent.Kind.WEAVE, null, frames.stream().mapToLong(MemoryFrame::tokens).sum(),
                frames.stream().mapToLong(MemoryFrame::bytes).sum(), older.size() + " frames -> " + frames.size() + ": " + picked);
        frames.addAll(recent);
        return frames;
    }

    /** Decisions so far in this strategy's life, and how many of them consulted long-term memory. */
    public long decisions() {
        return decisions;
    }

    public long fires() {
        return fires;
    }

    @Override
    public MemoryFootprint footprint() {
        return longTerm.footprint();
    }

    @Override
    public List<MemoryEvent> drainEvents() {
        return log.drain();
    }
}
