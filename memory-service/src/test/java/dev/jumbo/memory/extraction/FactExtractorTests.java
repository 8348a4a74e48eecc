package dev.jumbo.memory.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FactExtractorTests {

    private final FactExtractor extractor = new FactExtractor();

    /** Each fact as "subject|relation|value;value" plus "!" when negated, joined by " / ". */
    private String facts(String message) {
        return extractor.extract(message).stream()
                .map(f -> (f.negated() ? "!" : "") + f.subject() + "|" + f.relation() + "|" + String.join(";", f.values()))
                .collect(Collectors.joining(" / "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            my friends are Charvik and Devansh => friends|name|Charvik;Devansh
            My friends Charvik and Devansh came over yesterday. => friends|name|Charvik;Devansh
            My best friend is Maya. => best friend|name|Maya
            I hung out with my friend Maya today => friends|name|Maya
            My wife Priya works at Deloitte. => wife|name|Priya / wife|works_at|Deloitte
            My partner Sam is a chef. => partner|name|Sam / partner|works_as|chef
            My mom is a teacher. => mom|works_as|teacher
            My mum lives in Leeds. => mom|lives_in|Leeds
            my dad lives in chennai => dad|lives_in|Chennai
            My little sister just moved to Paris! => sister|lives_in|Paris
            My brother's name is Leo. => brother|name|Leo
            My boss is called Greg. => boss|name|Greg
            My coworkers Ana and Ben are great. => coworkers|name|Ana;Ben
            My son Arjun is 5 and my daughter Mira is 3. => son|name|Arjun / daughter|name|Mira
            I have a sister who lives in Rome. => sister|lives_in|Rome
            My dog's name is Biscuit. => dog|name|Biscuit
            I have a dog called Biscuit. => dog|name|Biscuit
            I have a cat called Miso. => cat|name|Miso
            I have two cats, Mochi and Pixel. => cat|name|Mochi;Pixel
            My cat Luna sleeps all day. => cat|name|Luna
            I have a hamster. => pets|has|a hamster
            I work at Google. => user|works_at|Google
            I work as a nurse at St. Mary's hospital. => user|works_as|nurse / user|works_at|St. Mary's hospital
            I'm a nurse. => user|works_as|nurse
            I'm a software engineer at Stripe. => user|works_as|software engineer / user|works_at|Stripe
            I work at a bakery downtown. => user|works_at|bakery downtown
            I got a new job at Stripe! => user|works_at|Stripe
            I study at MIT. => user|studies_at|MIT
            I'm a student at the University of Toronto. => user|studies_at|University of Toronto
            I live in Berlin. => user|lives_in|Berlin
            I just moved to New York last week. => user|lives_in|New York
            I'm from Brazil. => user|from|Brazil
            I love hiking. => user|likes|hiking
            I love hiking, cooking and jazz. => user|likes|hiking;cooking;jazz
            I hate mornings. => user|dislikes|mornings
            I can't stand cilantro. => user|dislikes|cilantro
            I don't like horror movies. => user|dislikes|horror movies / !user|likes|horror movies
            My favourite food is sushi. => favourite food|is|sushi
            My favorite movie is Spirited Away. => favourite movie|is|Spirited Away
            My favourite film is Amélie. => favourite movie|is|Amélie
            My favorite color is green. => favourite colour|is|green
            My buddies Tom and Raj are coming over. => friends|name|Tom;Raj
            My bestie is Zoe. => best friend|name|Zoe
            My hubby works at Amazon. => husband|works_at|Amazon
            I'm allergic to peanuts. => user|allergic_to|peanuts
            I'm allergic to peanuts and shellfish. => user|allergic_to|peanuts;shellfish
            I'm vegetarian, have been for years. => user|diet|vegetarian
            I have asthma. => user|condition|asthma
            My birthday is May 3. => user|birthday|May 3
            my birthday's on the 3rd of may => user|birthday|May 3
            My mom's birthday is June 12th. => mom|birthday|June 12
            I'm going to Japan next month. => user|plans|Japan
            I don't work at Google anymore. => !user|works_at|Google
            I no longer live in Berlin. => !user|lives_in|Berlin
            I'm not allergic to peanuts anymore. => !user|allergic_to|peanuts
            Quit the bakery, I'm a barista at Blue Bottle now. => !user|works_at|bakery / user|works_as|barista / user|works_at|Blue Bottle
            I live in Berlin and my sister lives in London. => user|lives_in|Berlin / sister|lives_in|London
            """)
    void shouldExtractFactsWhenUserStatesThem(String message, String expected) {
        assertThat(facts(message)).isEqualTo(expected.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Do you remember my friends?",
            "What's my dog's name?",
            "Where does my sister live?",
            "do you remember where I work",
            "If I lived in Paris I would be happy.",
            "I wish I had a dog called Rex.",
            "I love you!",
            "I'm tired today",
            "I'm in Berlin this week",
            "Anna's sister lives in London.",
            "Thanks, that really helped.",
            "I'm a mess today.",
            ""})
    void shouldExtractNothingWhenMessageStatesNoFactOfTheUser(String message) {
        assertThat(extractor.extract(message)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            My sister lives in Paris. => User's sister lives in Paris
            my friends are Charvik and Devansh => User's friends are Charvik and Devansh
            I have two cats, Mochi and Pixel. => User's cats are called Mochi and Pixel
            I work as a nurse at St. Mary's hospital. => User works as a nurse
            My favourite movie is Spirited Away. => User's favourite movie is Spirited Away
            I'm going to Japan next month. => User is going to Japan next month
            I'm allergic to peanuts. => User is allergic to peanuts
            """)
    void shouldWriteNormalisedTextWhenFactIsExtracted(String message, String text) {
        List<Fact> facts = extractor.extract(message);
        assertThat(facts).isNotEmpty();
        assertThat(facts.get(0).text()).isEqualTo(text.trim());
    }
}
