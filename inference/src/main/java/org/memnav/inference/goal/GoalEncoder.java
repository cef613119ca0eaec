package org.memnav.inference.goal;

import org.memnav.simbridge.api.Goal;

/** Turns a subtask's goal (category, description or picture) into a vector in the policy's goal space. */
public interface GoalEncoder extends AutoCloseable {

    GoalVector encode(Goal goal);

    @Override
    void close();
}
