package org.memnav.inference.goal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.InputTensor;
import org.memnav.inference.model.ModelException;
import org.memnav.inference.model.ModelSession;
import org.memnav.simbridge.api.Goal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Language goals: the description is embedded by all-MiniLM-L6-v2 (offline, from the langchain4j
 * jar) and projected into the goal space by a small trained head (goal_text.onnx). The sentence
 * model (90 MB, about a second to load) is loaded on the first language goal only.
 */
public final class TextGoalEncoder implements GoalEncoder {

    public static final String KIND = "goal_text";

    /** The manifest's "goal_text" section. */
    public record Spec(@JsonProperty("sentence_model") String sentenceModel, @JsonProperty("sentence_dim") int sentenceDim,
                       @JsonProperty("goal_dim") int goalDim) {
    }

    private final ModelSession head;
    private final Supplier<SentenceEmbedder> sentenceModel;
    private SentenceEmbedder sentences;

    private TextGoalEncoder(ModelSession head, Supplier<SentenceEmbedder> sentenceModel) {
        this.head = head;
        this.sentenceModel = sentenceModel;
    }

    public static TextGoalEncoder open(Path manifest, InferenceRuntime runtime, Supplier<SentenceEmbedder> sentences) {
        ModelSession head = ModelSession.open(manifest, runtime);
        try {
            GoalModels.requireKind(head, KIND);
            Spec spec = head.section(KIND, Spec.class);
            if (!SentenceEmbedder.MODEL_NAME.equals(spec.sentenceModel()) || spec.sentenceDim() != SentenceEmbedder.DIMENSION) {
                throw new ModelException("manifest " + manifest + ": field 'goal_text.sentence_model' is '" + spec.sentenceModel()
                        + "' (" + spec.sentenceDim() + "-d), but the workbench embeds with " + SentenceEmbedder.MODEL_NAME
                        + " (" + SentenceEmbedder.DIMENSION + "-d)");
            }
            return new TextGoalEncoder(head, sentences);
        } catch (RuntimeException e) {
            head.close();
            throw e;
        }
    }

    @Override
    public GoalVector encode(Goal goal) {
        long started = System.nanoTime();
        if (sentences == null) {
            sentences = sentenceModel.get();
        }
        float[] sentence = sentences.embed(goal.description());
        float[] v = head.run(List.of(InputTensor.floats("sentence_embedding", sentence, 1, sentence.length))).get("goal").values();
        return new GoalVector(v, goal.modality(), head.manifest().name(), (System.nanoTime() - started) / 1e6);
    }

    @Override
    public void close() {
        head.close();
    }
}
