package dev.jumbo.memory.recall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionIntentTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            Do you remember my friends?          => friends         => -
            What's my dog's name?                => dog             => name
            What are my cats called?             => cat             => name
            Where does my sister live?           => sister          => lives_in
            What does my partner do?             => partner         => works_as
            Do you know where my dad lives?      => dad             => lives_in
            Where do I work now?                 => user            => works_at
            Do you remember my diet?             => user            => diet
            What's my favourite movie?           => favourite movie => is
            What am I allergic to?               => user            => allergic_to
            Where does my mother work?           => mom             => works_at
            What's my favorite film?             => favourite movie => is
            Which film do I love most?           => favourite movie => is
            What's my favourite color?           => favourite colour => is
            Where's my workplace?                => user            => works_at
            Who's my manager?                    => boss            => name
            Do you know my buddies?              => friends         => -
            Do you remember my bestie?           => best friend     => -
            Do I have any pets?                  => dog             => -
            What pets do I have?                 => cat             => -
            How many siblings do I have?         => brother         => -
            Do I have kids?                      => son             => -
            What does my gf do?                  => girlfriend      => works_as
            """)
    void shouldMapQuestionToSubjectAndRelationWhenItNamesThem(String question, String subject, String relation) {
        QuestionIntent intent = QuestionIntent.of(question);

        assertThat(intent.subjects()).contains(subject);
        if (!relation.equals("-")) {
            assertThat(intent.relations()).contains(relation);
        } else {
            assertThat(intent.relations()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            What does my partner do? => wife
            Do you remember my pets? => dog
            Tell me about my parents => mom
            """)
    void shouldIncludeRelatedSubjectsWhenQuestionNamesAFamily(String question, String related) {
        assertThat(QuestionIntent.of(question).subjects()).contains(related);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            What does Tom do?          => Tom  => works_as
            Where is Jake from?        => Jake => from
            Where does Leo live now?   => Leo  => lives_in
            """)
    void shouldKeepTheNameAndRelationWhenQuestionNamesSomeoneWithoutSayingWhoTheyAre(String question, String name,
                                                                                    String relation) {
        QuestionIntent intent = QuestionIntent.of(question);

        assertThat(intent.isEmpty()).isTrue();
        assertThat(intent.names()).containsExactly(name);
        assertThat(intent.relations()).contains(relation);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            What do you think about the weather? => x
            Tell me something fun => x
            """)
    void shouldHaveNoIntentWhenQuestionIsNotAboutTheUser(String question, String ignored) {
        assertThat(QuestionIntent.of(question).isEmpty()).isTrue();
    }
}
