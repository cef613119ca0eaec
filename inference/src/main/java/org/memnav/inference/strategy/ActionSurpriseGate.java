package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.policy.PolicyScores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AURA-Mem's action-surprise write gate, as a principled rule over our learned policy (AURA-Mem learns its gate
 * with RL; ours is not trained): at each scheduled write point the policy scores the memory with and without the
 * new frame (a full FIFO also drops its oldest frame). The frame is written only if that changes the decision
 * (the winning candidate differs) or moves the policy's choice distribution (softmax over every candidate's
 * score) by more than {@code threshold} in total variation. Otherwise writing it would not change what the
 * agent does next, so it is skipped.
 */
public final class ActionSurpriseGate implements WritePolicy {

    public static final double DEFAULT_THRESHOLD = 0.1;

    private final double threshold;

    public ActionSurpriseGate(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("surprise threshold is a total-variation distance in [0, 1], got " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public boolean considers(WriteCue cue) {
        return cue.scheduled() || cue.forced();
    }

    @Override
    public WriteVerdict judge(MemoryFrame candidate, List<MemoryFrame> memory, int capacity, PolicyProbe probe) {
        if (memory.isEmpty()) {
            return WriteVerdict.yes("empty memory");
        }
        List<MemoryFrame> with = new ArrayList<>(memory);
        if (with.size() >= capacity) {
            with.remove(0);
        }
        with.add(candidate);
        Map<String, Double> before = distribution(memory, probe.score(memory));
        Map<String, Double> after = distribution(with, probe.score(with));
        String choiceBefore = argmax(before);
        String choiceAfter = argmax(after);
        double tv = totalVariation(before, after);
        if (!choiceBefore.equals(choiceAfter)) {
            return WriteVerdict.yes(String.format(Locale.ROOT, "decision changes %s -> %s (tv %.3f)", choiceBefore, choiceAfter, tv));
        }
        if (tv > threshold) {
            return WriteVerdict.yes(String.format(Locale.ROOT, "surprise tv %.3f > %.3f", tv, threshold));
        }
        return WriteVerdict.no(String.format(Locale.ROOT, "no surprise: tv %.3f <= %.3f, still %s", tv, threshold, choiceBefore));
    }

    /** Softmax over every candidate's score, keyed by what the candidate is (a frame's id, a frontier's index). */
    static Map<String, Double> distribution(List<MemoryFrame> frames, PolicyScores scores) {
        Map<String, Double> raw = new HashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            raw.put(frameKey(frames.get(i)), scores.memoryScores()[i]);
        }
        for (int i = 0; i < scores.frontierScores().length; i++) {
            raw.put("frontier#" + i, scores.frontierScores()[i]);
        }
        double max = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = raw.values().stream().mapToDouble(v -> Math.exp(v - max)).sum();
        Map<String, Double> p = new HashMap<>();
        raw.forEach((k, v) -> p.put(k, Math.exp(v - max) / sum));
        return p;
    }

    private static String frameKey(MemoryFrame f) {
        return f.id() <= 0 ? "new-frame" : "frame#" + f.id();
    }

    static String argmax(Map<String, Double> p) {
        String best = null;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            if (best == null || e.getValue() > p.get(best) || (e.getValue().equals(p.get(best)) && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Half the L1 distance; a candidate missing on one side has probability 0 there. */
    static double totalVariation(Map<String, Double> a, Map<String, Double> b) {
        double sum = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            sum += Math.abs(e.getValue() - b.getOrDefault(e.getKey(), 0.0));
        }
        for (Map.Entry<String, Double> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                sum += e.getValue();
            }
        }
        return sum / 2;
    }

    public double threshold() {
        return threshold;
    }
}
