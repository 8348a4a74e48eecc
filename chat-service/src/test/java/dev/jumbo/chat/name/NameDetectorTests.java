package dev.jumbo.chat.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameDetectorTests {

    private final NameDetector detector = new NameDetector();

    @ParameterizedTest(name = "answer to the name question \"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "priya|Priya",
            "Ananya|Ananya",
            "José|José",
            "anne-marie|Anne-Marie",
            "o'brien|O'Brien",
            "Zoë please|Zoë",
            "McDonald|McDonald",
            "MARIA|Maria",
            "I'm Sam|Sam",
            "it's Kai, nice to meet you|Kai",
            "hi! I'm Lena|Lena",
            "um, Mateo I guess|Mateo",
            "call me Bea|Bea",
            "Mary Jane|Mary Jane",
            "Noah here|Noah",
            "Søren|Søren",
            "just Ali|Ali",
            "ok, Björn|Björn"})
    void shouldTakeBareAnswerAsNameWhenJumboAskedForIt(String message, String expected) {
        assertThat(detector.detect(message, true)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" states {1}")
    @CsvSource(delimiter = '|', value = {
            "By the way, my name is Oliver.|Oliver",
            "my name's ingrid and I'm tired|Ingrid",
            "I go by Sam these days|Sam",
            "Name's Bond.|Bond",
            "Actually, call me Max from now on.|Max",
            "you can call me jennifer|Jennifer",
            "Please call me Jean-Luc!|Jean-Luc",
            "everyone calls me Tee|Tee",
            "I'm known as DeShawn at work|DeShawn",
            "my friends call me zoë|Zoë"})
    void shouldTakeExplicitlyStatedNameWhenSaidAnywhere(String message, String expected) {
        assertThat(detector.detect(message, false)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is not a name after the question")
    @ValueSource(strings = {"I'm tired", "I'm good", "I'm from Spain", "no", "why?", "fine", "I don't know", "hello",
            "thanks", "fine, thanks", "I'm not sure", "what's your name?", "I'm excited to chat!", "Good morning!",
            "nothing", "yes", "idk", "lol", "I'm doing great today", "busy", "whatever", "I'm so bored", "Monday",
            "London", "hey there", "nope", "who are you?", "not telling", "It's been a long day"})
    void shouldNotTakeOrdinaryAnswerAsNameWhenJumboAskedForIt(String message) {
        assertThat(detector.detect(message, true)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" states no name")
    @ValueSource(strings = {"I'm tired today", "I'm in Berlin this week", "Harsha", "call me later", "call me back tomorrow",
            "don't call me Alex", "My name is not important", "I'm Sam", "Name is hard to say"})
    void shouldNotFindNameWhenNotAskedAndNotStated(String message) {
        assertThat(detector.detect(message, false)).isEmpty();
    }
}
