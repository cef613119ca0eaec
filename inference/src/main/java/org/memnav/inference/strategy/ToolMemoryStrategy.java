package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.policy.PolicyScores;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * AgeMem's memory tools, called by rules (AgeMem trains the calls with RL; we do not train): scheduled frames go
 * into the short-term {@link ContextWindow} (SUMMARY / FILTER when full); at a decision RETRIEVE reads the window
 * plus every long-term landmark; when the policy picks a remembered frame for the goal, that frame becomes the
 * goal's landmark (ADD, or UPDATE when one is held); a failed arrival check at a landmark DELETEs it.
 */
public final class ToolMemoryStrategy implements MemoryStrategy {

    public static final int DEFAULT_LANDMARKS = 16;
    static final double LANDMARK_RADIUS_M = 1.5;

    private final EventLog log = new EventLog(this::footprint);
    private final ContextWindow window;
    private final LandmarkStore landmarks;
    private final WritePolicy writePolicy = new AlwaysWrite();
    private String goal = "";

    public ToolMemoryStrategy(int windowLength, int landmarkCapacity) {
        this.window = new ContextWindow(windowLength, log);
        this.landmarks = new LandmarkStore(landmarkCapacity, log);
    }

    @Override
    public void startEpisode() {
        window.clear();
        landmarks.clear();
    }

    @Override
    public void startSubtask(int step, int subtask, String goalKey, Pose agent) {
        goal = goalKey;
    }

    @Override
    public boolean considersWrite(WriteCue cue) {
        return writePolicy.considers(cue);
    }

    @Override
    public boolean offer(MemoryFrame candidate, PolicyProbe probe) {
        window.write(candidate);
        return true;
    }

    @Override
    public List<MemoryFrame> recall(int step, Pose agent, PolicyProbe probe) {
        List<MemoryFrame> frames = new ArrayList<>(window.frames());
        Set<Long> held = new HashSet<>();
        frames.forEach(f -> held.add(f.id()));
        int fromLongTerm = 0;
        for (LandmarkStore.Landmark l : landmarks.all()) {
            if (held.add(l.frame().id())) {
                frames.add(l.frame());
                fromLongTerm++;
            }
        }
        long tokens = frames.stream().mapToLong(MemoryFrame::tokens).sum();
        long bytes = frames.stream().mapToLong(MemoryFrame::bytes).sum();
        log.add(step, MemoryEvent.Kind.RETRIEVE, null, tokens, bytes,
                (frames.size() - fromLongTerm) + " short-term frames + " + fromLongTerm + " landmarks");
        return frames;
    }

    @Override
    public void decided(int step, Pose agent, List<MemoryFrame> frames, PolicyScores scores, PolicyScores.Choice chosen,
                        Vec3 target) {
        Set<Long> inWindow = new HashSet<>();
        window.frames().forEach(f -> inWindow.add(f.id()));
        for (int i = 0; i < frames.size(); i++) {
            if (inWindow.contains(frames.get(i).id())) {
                window.scored(frames.get(i), scores.memoryScores()[i]);
            }
        }
        if (chosen != null && chosen.memory() && target != null) {
            landmarks.put(step, goal, frames.get(chosen.index()), target);
        }
    }

    @Override
    public void arrivalChecked(int step, Vec3 target, boolean confirmed) {
        LandmarkStore.Landmark l = landmarks.get(goal);
        if (!confirmed && l != null && l.target().horizontalDistanceTo(target) <= LANDMARK_RADIUS_M) {
            landmarks.delete(step, goal, "goal not found on arrival");
        }
    }

    @Override
    public MemoryFootprint footprint() {
        // Both stores hold their frames (a landmark keeps its frame after the window drops it): count each once.
        Set<Long> seen = new HashSet<>();
        int frames = 0;
        long tokens = 0;
        long bytes = 0;
        List<MemoryFrame> all = new ArrayList<>(window.frames());
        landmarks.all().forEach(l -> all.add(l.frame()));
        for (MemoryFrame f : all) {
            if (seen.add(f.id())) {
                frames++;
                tokens += f.tokens();
                bytes += f.bytes();
            }
        }
        return new MemoryFootprint(frames, tokens, bytes, window.writes());
    }

    /** The long-term landmarks (goal -> frame id), for tests and the inspector. */
    public List<String> landmarkGoals() {
        return landmarks.all().stream().map(LandmarkStore.Landmark::goal).toList();
    }

    public List<MemoryFrame> shortTermFrames() {
        return window.frames();
    }

    @Override
    public List<MemoryEvent> drainEvents() {
        return log.drain();
    }
}
