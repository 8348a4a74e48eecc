package dev.jumbo.memory.recall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our own recall and update cases, end to end through Kafka: statements separated by {@code ||}, the question,
 * what the recalled values must contain ({@code ;}-separated) and must not contain.
 */
class RecallCasesIntegrationTests extends MemoryIntegrationTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = "=>", nullValues = "-", textBlock = """
            My best friend is Maya.                                          => Who is my best friend?              => Maya              => -
            my friends are Ana and Ben || My friend Chloe is visiting.       => Do you remember my friends?         => Ana;Ben;Chloe     => -
            My brother's name is Leo.                                        => What's my brother called?           => Leo               => -
            My wife Priya works at Deloitte.                                 => Where does my wife work?            => Deloitte          => -
            My husband is a firefighter.                                     => What does my husband do?            => firefighter       => -
            My mom lives in Leeds. || My sister lives in Oslo.               => Where does my mom live?             => Leeds             => Oslo
            My brother lives in Madrid. || My brother moved to Lisbon.       => Where does my brother live?         => Lisbon            => Madrid
            My cat Luna sleeps all day. || I have a dog called Rex.          => What's my cat's name?               => Luna              => Rex
            I have a dog called Rex. || My sister lives in Oslo.             => What's my dog's name?               => Rex               => Oslo
            I have a hamster named Nibbles.                                  => Do you remember my pets?            => Nibbles           => -
            I have two dogs, Bruno and Kiki.                                 => What are my dogs called?            => Bruno;Kiki        => -
            I live in Berlin.                                                => Where do I live?                    => Berlin            => -
            I live in Berlin. || I just moved to Munich.                     => Where do I live now?                => Munich            => Berlin
            I'm from Brazil.                                                 => Where am I from?                    => Brazil            => -
            I work at Google.                                                => Where do I work?                    => Google            => -
            I work at Google. || I got a new job at Stripe!                  => Where do I work?                    => Stripe            => Google
            I work at Google. || I don't work at Google anymore.             => Where do I work?                    => -                 => Google
            I'm a software engineer at Spotify.                              => What do I do for a living?          => software engineer => -
            I study at MIT.                                                  => Where do I study?                   => MIT               => -
            I love hiking and jazz.                                          => What do I like?                     => hiking;jazz       => -
            I love hiking. || I also love cooking.                           => What do I enjoy?                    => hiking;cooking    => -
            I hate mornings.                                                 => What do I hate?                     => mornings          => -
            My favourite food is sushi. || My favourite food is ramen.       => What's my favourite food?           => ramen             => sushi
            My favorite band is Radiohead.                                   => What's my favourite band?           => Radiohead         => -
            I'm allergic to peanuts and shellfish.                           => What am I allergic to?              => peanuts;shellfish => -
            I'm allergic to peanuts. || I'm not allergic to peanuts anymore. => What am I allergic to?              => -                 => peanuts
            I'm vegan.                                                       => Do you remember my diet?            => vegan             => -
            My birthday is May 3.                                            => When is my birthday?                => May 3             => -
            My dad's birthday is on the 12th of June.                        => When is my dad's birthday?          => June 12           => -
            I'm going to Japan next month.                                   => Do you remember my travel plans?    => Japan             => -
            If I had a dog called Rex I'd walk him daily.                    => What's my dog's name?               => -                 => Rex
            Anna's sister lives in London.                                   => Where does my sister live?          => -                 => London
            My partner Sam is a chef. || My sister lives in Rome.            => What does my partner do?            => chef              => Rome
            My friends Charvik and Devansh came over. || I live in Oslo.     => Do you know my buddies?             => Charvik;Devansh   => Oslo
            My bestie is Zoe.                                                => Do you remember my best friend?     => Zoe               => -
            My boss is called Greg. || My brother's name is Leo.             => Who's my manager?                   => Greg              => Leo
            I have a dog called Biscuit. || I live in Berlin.                => Do I have any pets?                 => Biscuit           => Berlin
            My cat Luna sleeps all day. || I have a dog called Rex.          => What pets do I have?                => Luna;Rex          => -
            My brother's name is Leo. || I live in Berlin.                   => Do I have siblings?                 => Leo               => Berlin
            I work as a nurse at St. Mary's hospital. || I love jazz.        => Where's my workplace?               => St. Mary          => jazz
            My favourite movie is Spirited Away. || I love jazz.             => Which film do I love most?          => Spirited Away     => jazz
            My favourite film is Amélie. || My favorite movie is Up.         => What's my favourite film?           => Up                => Amélie
            My brother Tom works as a pilot. || My friend Sarah is a lawyer. => What does Tom do?                   => pilot             => lawyer
            My roommate Jake is from Texas. || I'm from Ohio.                => Where is Jake from?                 => Texas             => Ohio
            My dog Max loves the beach. || My cat Luna sleeps all day.       => Who is Max?                         => Max               => Luna
            My sister Ana lives in Lima. || My brother Leo lives in Quito.   => Where does Leo live?                => Quito             => Lima
            """)
    void shouldRecallWhatWasStatedWhenAskedAboutIt(String statements, String question, String expectAll, String expectNone) {
        String user = newUser();
        sayAll(user, Arrays.stream(statements.split("\\|\\|")).map(String::trim).toList());

        String recalled = recalledValues(recall(user, question));

        if (expectAll != null) {
            assertThat(recalled).contains(split(expectAll));
        }
        if (expectNone != null) {
            assertThat(recalled).doesNotContain(split(expectNone));
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "Do you remember my friends?",
            "Where does my sister live?",
            "what's my dog's name",
            "If I lived in Paris I'd be happier.",
            "I'm tired today, long week."})
    void shouldCreateNoMemoryWhenMessageStatesNoFact(String message) {
        String user = newUser();
        sayAll(user, List.of(message));

        assertThat(memoriesOf(user)).isEmpty();
        assertThat(recall(user, message)).isEmpty();
    }

    private static List<String> split(String values) {
        return Arrays.stream(values.split(";")).map(String::trim).toList();
    }
}
