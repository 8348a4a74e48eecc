package dev.jumbo.chat.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicDetectorTests {

    private final TopicDetector detector = new TopicDetector();

    @ParameterizedTest(name = "\"{0}\" is about {1}")
    @CsvSource(delimiter = '|', value = {
            "My coworkers keep dumping tasks on me before the deadline.|work",
            "Got a promotion at the office today!|work",
            "My grandma turns ninety tomorrow.|family",
            "My sister's kids are staying over.|family",
            "My girlfriend and I just had our first anniversary.|relationships",
            "Thinking about whether to break up with my boyfriend.|relationships",
            "Hung out with my buddies at the lake.|friends",
            "My best friend is moving to Canada.|friends",
            "Doctor says my back pain is a pulled muscle.|health",
            "Hit the gym twice this week.|health",
            "Learning guitar chords in the evenings.|hobbies",
            "We played board games till 2am.|hobbies",
            "My thesis advisor hated my draft.|school",
            "Finals are in two weeks and I haven't studied.|school",
            "Credit card bills are piling up.|money",
            "Can't afford the rent increase.|money",
            "Did laundry and groceries this morning.|daily life",
            "My friends Charvik and Devansh came over, we played board games.|friends,hobbies",
            "My mom lent me money for rent.|family,money"})
    void shouldTagTopicsWhenMessageMentionsThem(String text, String expected) {
        assertThat(detector.detect(text)).containsAll(Arrays.asList(expected.split(",")));
        assertThat(TopicDetector.TOPICS).containsAll(detector.detect(text));
    }

    @ParameterizedTest(name = "\"{0}\" is not about {1}")
    @CsvSource(delimiter = '|', value = {"I finally feel good.|work", "Workshop? No, I mean my homework.|work",
            "The grandstand was full.|family"})
    void shouldNotTagTopicWhenWordOnlyContainsKeyword(String text, String topic) {
        assertThat(detector.detect(text)).doesNotContain(topic);
    }
}
