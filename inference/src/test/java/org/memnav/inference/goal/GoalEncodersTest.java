package org.memnav.inference.goal;

import org.junit.jupiter.api.Test;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.ModelException;
import org.memnav.inference.model.ModelLocator;
import org.memnav.inference.model.RuntimeSettings;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoalEncodersTest {

    private static final ModelLocator MODELS = ModelLocator.inProjectRoot(Path.of(".."));
    private static final InferenceRuntime RUNTIME = new InferenceRuntime(RuntimeSettings.defaults().cpuOnly());

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void categoriesOfTheVocabularyGetDistinctVectorsAndOthersAreRefusedByName() {
        try (CategoryGoalEncoder encoder = CategoryGoalEncoder.open(MODELS.manifest("goal_category"), RUNTIME)) {
            assertThat(encoder.vocabulary()).contains("sofa", "toilet", "fridge");
            float[] sofa = encoder.encode(Goal.category("sofa")).values();
            float[] toilet = encoder.encode(Goal.category("toilet")).values();
            assertThat(sofa).hasSize(encoder.goalDim());
            assertThat(sofa).isEqualTo(encoder.encode(Goal.category("sofa")).values());
            assertThat(sofa).isNotEqualTo(toilet);
            assertThatThrownBy(() -> encoder.encode(Goal.category("spaceship")))
                    .isInstanceOf(ModelException.class).hasMessageContaining("goal_category").hasMessageContaining("'spaceship'");
        }
    }

    @Test
    void languageGoalsGoThroughMiniLmAndTheTrainedHead() {
        SentenceEmbedder sentences = new SentenceEmbedder();
        float[] redSofa = sentences.embed("the red sofa in the living room");
        assertThat(redSofa).hasSize(SentenceEmbedder.DIMENSION);
        assertThat(cosine(redSofa, sentences.embed("a red couch in the lounge")))
                .as("MiniLM puts paraphrases close").isGreaterThan(cosine(redSofa, sentences.embed("the white toilet in the bathroom")));

        try (TextGoalEncoder text = TextGoalEncoder.open(MODELS.manifest("goal_text"), RUNTIME, () -> sentences)) {
            Goal goal = new Goal(GoalModality.LANGUAGE, "sofa", "the red sofa in the living room", 3);
            GoalVector v = text.encode(goal);
            assertThat(v.values()).hasSize(64);
            assertThat(v.values()).isEqualTo(text.encode(goal).values());
            assertThat(v.encoder()).isEqualTo("goal_text");
        }
    }

    @Test
    void aHeadForAnotherSentenceModelIsRefused() {
        assertThatThrownBy(() -> CategoryGoalEncoder.open(MODELS.manifest("goal_text"), RUNTIME))
                .hasMessageContaining("kind").hasMessageContaining("goal_category");
    }
}
