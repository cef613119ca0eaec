package org.memnav.inference.goal;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.memnav.inference.model.FiniteValues;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384-d, mean-pooled, unit length), run offline through ONNX
 * Runtime from the langchain4j jar: the model and its tokenizer ship inside that jar, nothing is
 * downloaded. Loading takes about a second, so one instance serves a whole run.
 */
public final class SentenceEmbedder {

    public static final String MODEL_NAME = "all-MiniLM-L6-v2";
    public static final int DIMENSION = 384;

    private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    public float[] embed(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("cannot embed an empty sentence");
        }
        float[] vector = model.embed(sentence).content().vector();
        if (vector.length != DIMENSION) {
            throw new IllegalStateException(MODEL_NAME + " returned " + vector.length + " values, expected " + DIMENSION);
        }
        FiniteValues.require(MODEL_NAME, "sentence_embedding", vector);
        return vector;
    }
}
