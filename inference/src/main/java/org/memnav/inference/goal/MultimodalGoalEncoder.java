package org.memnav.inference.goal;

import org.memnav.simbridge.api.Goal;

/**
 * Routes a goal to the encoder of its modality (GOAT's three: object category, language
 * description, image). The last goal's vector is kept, since the agent asks again at every
 * decision of a subtask.
 */
public final class MultimodalGoalEncoder implements GoalEncoder {

    private final CategoryGoalEncoder category;
    private final TextGoalEncoder text;
    private final ImageGoalEncoder image;
    private Goal lastGoal;
    private GoalVector lastVector;

    public MultimodalGoalEncoder(CategoryGoalEncoder category, TextGoalEncoder text, ImageGoalEncoder image) {
        this.category = category;
        this.text = text;
        this.image = image;
    }

    /** The same category and text heads with another image-goal path (another rate's compressor). */
    public MultimodalGoalEncoder withImageEncoder(ImageGoalEncoder otherImage) {
        return new MultimodalGoalEncoder(category, text, otherImage);
    }

    @Override
    public GoalVector encode(Goal goal) {
        if (goal == lastGoal) {
            return new GoalVector(lastVector.values(), lastVector.modality(), lastVector.encoder(), 0);
        }
        GoalVector v = switch (goal.modality()) {
            case OBJECT_CATEGORY -> category.encode(goal);
            case LANGUAGE -> text.encode(goal);
            case IMAGE -> image.encode(goal);
        };
        lastGoal = goal;
        lastVector = v;
        return v;
    }

    @Override
    public void close() {
        category.close();
        text.close();
        image.close();
    }
}
