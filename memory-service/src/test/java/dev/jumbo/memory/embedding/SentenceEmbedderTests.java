package dev.jumbo.memory.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceEmbedderTests {

    private static final List<String> TEXTS = List.of("Do you remember my friends?",
            "User's sister lives in Paris", "I started a new job at Stripe last week and it's been exhausting but rewarding");

    @Test
    void shouldEmbedAsLangchain4jsOwnModelDoesWhenRunInTheSessionWeConfigure() {
        SentenceEmbedder embedder = new SentenceEmbedder(1, false);
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        for (String text : TEXTS) {
            float[] ours = embedder.embedNow(text);
            float[] theirs = Vectors.normalised(reference.embed(text).content().vector());

            assertThat(ours).hasSize(SentenceEmbedder.DIMENSIONS);
            assertThat(Vectors.dot(ours, ours)).isCloseTo(1.0f, within(1e-5f));
            assertThat(Vectors.dot(ours, theirs)).as(text).isCloseTo(1.0f, within(1e-5f));
        }
    }
}
