package org.memnav.inference.strategy;

import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;

import java.util.Arrays;
import java.util.Locale;

/**
 * The name a memory strategy files a goal under: what the agent is told, nothing more. A category goal is its
 * category, a language goal its description, an image goal its picture (a hash of the pixels: the same picture
 * again is the same goal; the instance behind it is not known to the agent).
 */
public final class GoalKeys {

    private GoalKeys() {
    }

    public static String of(Goal goal) {
        if (goal.modality() == GoalModality.LANGUAGE) {
            return goal.description();
        }
        if (goal.modality() == GoalModality.IMAGE && goal.image() != null) {
            return String.format(Locale.ROOT, "picture %08x", Arrays.hashCode(goal.image().data()));
        }
        return goal.category();
    }
}
