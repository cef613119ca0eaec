package org.memnav.inference.goal;

import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.InputTensor;
import org.memnav.inference.model.ModelException;
import org.memnav.inference.model.ModelSession;
import org.memnav.simbridge.api.Goal;

import java.nio.file.Path;
import java.util.List;

/** Object-category goals: a learned embedding per category of the manifest's vocabulary (goal_category.onnx). */
public final class CategoryGoalEncoder implements GoalEncoder {

    public static final String KIND = "goal_category";

    /** The manifest's "goal_category" section. */
    public record Spec(@com.fasterxml.jackson.annotation.JsonProperty("vocabulary") List<String> vocabulary,
                       @com.fasterxml.jackson.annotation.JsonProperty("goal_dim") int goalDim) {
    }

    private final ModelSession model;
    private final Spec spec;

    private CategoryGoalEncoder(ModelSession model, Spec spec) {
        this.model = model;
        this.spec = spec;
    }

    public static CategoryGoalEncoder open(Path manifest, InferenceRuntime runtime) {
        ModelSession model = ModelSession.open(manifest, runtime);
        try {
            GoalModels.requireKind(model, KIND);
            Spec spec = model.section(KIND, Spec.class);
            if (spec.vocabulary() == null || spec.vocabulary().isEmpty()) {
                throw new ModelException("manifest " + manifest + ": field 'goal_category.vocabulary' is missing or empty");
            }
            return new CategoryGoalEncoder(model, spec);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public GoalVector encode(Goal goal) {
        int index = spec.vocabulary().indexOf(goal.category());
        if (index < 0) {
            throw new ModelException("model '" + model.manifest().name() + "': category '" + goal.category()
                    + "' is not in its vocabulary of " + spec.vocabulary().size() + " categories");
        }
        long started = System.nanoTime();
        float[] v = model.run(List.of(InputTensor.longs("category", new long[] {index}, 1))).get("goal").values();
        return new GoalVector(v, goal.modality(), model.manifest().name(), (System.nanoTime() - started) / 1e6);
    }

    public List<String> vocabulary() {
        return spec.vocabulary();
    }

    public int goalDim() {
        return spec.goalDim();
    }

    @Override
    public void close() {
        model.close();
    }
}
