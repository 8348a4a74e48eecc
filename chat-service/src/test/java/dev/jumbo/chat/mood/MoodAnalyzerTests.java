package dev.jumbo.chat.mood;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.chat.engine.Mood;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoodAnalyzerTests {

    private static final MoodAnalyzer analyzer = new MoodAnalyzer(MoodModel.load());

    @ParameterizedTest(name = "\"{0}\" feels {1}, valence {2}")
    @CsvSource(delimiter = '|', value = {
            // everyday moods the dataset lacks
            "I've been so drained lately, barely slept.|tired|negative",
            "Honestly I'm completely burnt out.|exhausted|negative",
            "Nobody texted me all weekend, I feel really isolated.|lonely|negative",
            "Three deadlines tomorrow and I'm stressing hard.|stressed|negative",
            "There's just too much on my plate, I'm overwhelmed.|overwhelmed|negative",
            "Rainy Sunday, nothing to do, so boring.|bored|negative",
            "Spent the evening reading on the porch, so relaxing.|relaxed|positive",
            "Feeling at peace after my yoga class.|calm|positive",
            "I keep worrying about the test results.|worried|negative",
            "My daughter learned to ride her bike today, I'm so proud of her!|proud|positive",
            // negation and intensity
            "I'm not happy with how the meeting went.|disappointed|negative",
            "I'm not angry, just a bit tired.|tired|negative",
            "I'm not worried anymore, it all worked out.|relieved|positive",
            "I'm extremely excited about the concert!|excited|positive",
            // mixed feelings
            "Exhausted but so proud of what we built.|exhausted|mixed",
            "I'm nervous but kind of excited about Friday.|nervous|mixed",
            "Sad to leave but happy about the new job.|sad|mixed",
            // classic emotions
            "I'm furious that they lied to me.|furious|negative",
            "Thanks so much, I really appreciate it.|grateful|positive",
            "We won the match, best day ever!|happy|positive",
            "My grandfather passed away last night.|grieving|negative",
            "I can't wait for the trip next week!|excited|positive",
            "So embarrassed, I tripped in front of everyone.|embarrassed|negative"})
    void shouldReadMoodWhenFeelingIsExpressed(String text, String emotion, String valence) {
        Mood mood = analyzer.analyze(text);
        assertThat(mood.emotions()).contains(emotion).hasSizeBetween(1, 3);
        assertThat(mood.valence()).isBetween(-1.0, 1.0);
        switch (valence) {
            case "positive" -> assertThat(mood.valence()).isGreaterThan(0.1);
            case "negative" -> assertThat(mood.valence()).isLessThan(-0.1);
            default -> assertThat(mood.label()).contains(" but ");
        }
    }

    @ParameterizedTest(name = "\"{0}\" has no strong feeling")
    @CsvSource(delimiter = '|', value = {"The meeting is at 3pm in room B.", "I moved the couch to the other wall."})
    void shouldStayNeutralWhenNoFeelingIsExpressed(String text) {
        Mood mood = analyzer.analyze(text);
        assertThat(mood.valence()).isBetween(-0.3, 0.3);
        assertThat(mood.emotions()).doesNotContain("sad", "angry", "happy", "excited");
    }

    @ParameterizedTest(name = "\"{0}\" only names or asks")
    @CsvSource(delimiter = '|', value = {"My dog's name is Biscuit.", "What's my dog's name?", "My cat is called Miso.",
            "Do you remember my friends?", "Where does my sister live?", "My best friend is named Ola."})
    void shouldReadNoEmotionWhenMessageOnlyNamesOrAsks(String text) {
        Mood mood = analyzer.analyze(text);
        assertThat(mood.emotions()).isEmpty();
        assertThat(mood.valence()).isBetween(-0.15, 0.15);
    }

    @ParameterizedTest(name = "\"{0}\" still feels")
    @CsvSource(delimiter = '|', value = {"Why am I always so sad?|sad", "My dog's name is Biscuit and I miss him so much|sad"})
    void shouldStillReadTheFeelingWhenAQuestionOrNameCarriesOne(String text, String emotion) {
        assertThat(analyzer.analyze(text).emotions()).contains(emotion);
    }

    @ParameterizedTest(name = "intensity: \"{0}\" stronger than \"{1}\"")
    @CsvSource(delimiter = '|', value = {"I'm extremely sad.|I'm a bit sad.", "I'm so happy!|I'm kind of happy."})
    void shouldWeighIntensityWhenModifierPrecedesFeeling(String strong, String weak) {
        assertThat(Math.abs(analyzer.analyze(strong).valence())).isGreaterThan(Math.abs(analyzer.analyze(weak).valence()));
    }

    @ParameterizedTest(name = "\"{0}\" is labelled \"{1}\"")
    @CsvSource(delimiter = '|', value = {"I'm tired but proud.|tired but proud", "I'm anxious but hopeful.|anxious but hopeful"})
    void shouldComposeLabelWhenPositiveAndNegativeFeelingsMix(String text, String label) {
        assertThat(analyzer.analyze(text).label()).isEqualTo(label);
        assertThat(analyzer.analyze(text).emotions()).containsAll(List.of(label.split(" but ")));
    }
}
