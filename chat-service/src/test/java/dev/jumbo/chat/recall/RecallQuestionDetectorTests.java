package dev.jumbo.chat.recall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecallQuestionDetectorTests {

    private final RecallQuestionDetector detector = new RecallQuestionDetector();

    @ParameterizedTest
    @ValueSource(strings = {"Do you remember my friends?", "What's my dog's name?", "Where does my sister live?",
            "Where do I work?", "Who is my best friend?", "What do I like?", "do you know where my dad lives",
            "What are my cats called?", "What does my partner do?", "Can you remind me what my favourite movie is?",
            "What do you remember about me?", "Do I have any pets?", "What pets do I have?", "How many siblings do I have?",
            "Do I have any allergies?", "Which film do I love most?", "What music do I like?", "Who's my manager?"})
    void shouldRecogniseRecallQuestionWhenUserAsksWhatJumboRemembers(String text) {
        assertThat(detector.isRecallQuestion(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"My dog is called Biscuit.", "I work at a bakery.", "How are you?", "What should I cook tonight?",
            "I remember my first day at school.", "Where is the nearest pharmacy?", "Do I have to work tomorrow?",
            "Do I have time for a nap?", "What time do I need to leave?", "Do I have a cold, do you think?"})
    void shouldNotTreatMessageAsRecallWhenItIsNotAQuestionAboutTheUser(String text) {
        assertThat(detector.isRecallQuestion(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"What does Tom do?", "Where is Jake from?", "who is Max?", "Where does Leo live now?"})
    void shouldAskMemoryWhenQuestionNamesSomeone(String text) {
        assertThat(detector.mayAskAboutSomeone(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"What does it do?", "Where is the station?", "Who is there?", "What does Tom do.",
            "I wonder what Tom does"})
    void shouldNotAskMemoryAboutSomeoneWhenNoOneIsNamed(String text) {
        assertThat(detector.mayAskAboutSomeone(text)).isFalse();
    }
}
