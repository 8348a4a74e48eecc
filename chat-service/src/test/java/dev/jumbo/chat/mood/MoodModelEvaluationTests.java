package dev.jumbo.chat.mood;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.chat.mood.training.GoEmotionsData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped mood model, scored on the GoEmotions dev split (never seen in training). */
class MoodModelEvaluationTests {

    @Test
    void shouldReachSentimentMacroF1OnDevSplitWhenShippedModelIsScored() {
        MoodModel model = MoodModel.load();
        double f1 = GoEmotionsData.sentimentMacroF1(model, GoEmotionsData.read("dev"));
        System.out.printf("GoEmotions dev sentiment macro-F1 (positive/negative/ambiguous/neutral): %.4f%n", f1);
        assertThat(f1).isGreaterThan(0.48);
    }

    @Test
    void shouldAnalyseMoodInWellUnderAMillisecondWhenWarm() {
        MoodAnalyzer analyzer = new MoodAnalyzer(MoodModel.load());
        List<String> texts = GoEmotionsData.read("dev").stream().map(GoEmotionsData.Example::text).limit(2000).toList();
        texts.forEach(analyzer::analyze); // warm-up
        long started = System.nanoTime();
        int rounds = 3;
        for (int round = 0; round < rounds; round++) {
            texts.forEach(analyzer::analyze);
        }
        double micros = (System.nanoTime() - started) / 1e3 / (rounds * texts.size());
        System.out.printf("mood analysis (model + lexicon): %.1f µs per message%n", micros);
        assertThat(micros).isLessThan(1000);
    }
}
