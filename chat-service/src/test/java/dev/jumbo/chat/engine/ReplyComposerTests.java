package dev.jumbo.chat.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.chat.recall.RecallOutcome;
import dev.jumbo.chat.recall.RecalledMemory;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyComposerTests {

    private final ReplyComposer composer = new ReplyComposer();
    private static final Summary TIRED_BUT_PROUD = new Summary("User feels exhausted but proud about work.", List.of("work"),
            new Mood("exhausted but proud", 0.1, List.of("exhausted", "proud")));
    private static final Summary LONELY = new Summary("User feels lonely about friends.", List.of("friends"),
            new Mood("lonely", -0.6, List.of("lonely")));

    @Test
    void shouldMirrorBothHalvesAndAskOneQuestionWhenFeelingsAreMixed() {
        String reply = reply(TIRED_BUT_PROUD, UUID.randomUUID(), null, Set.of()).text();
        assertThat(reply).containsIgnoringCase("exhausting").containsIgnoringCase("rewarding");
        assertThat(reply.chars().filter(c -> c == '?').count()).isEqualTo(1);
        assertThat(reply.split("(?<=[.!?])\\s+")).hasSizeBetween(1, 3);
    }

    @Test
    void shouldGiveSameReplyWhenSameMessageIsComposedAgain() {
        UUID id = UUID.randomUUID();
        assertThat(reply(LONELY, id, "Ana", Set.of()).text()).isEqualTo(reply(LONELY, id, "Ana", Set.of()).text());
    }

    @Test
    void shouldNeverRepeatSentenceWhenSameFeelingComesBackAllConversation() {
        Set<String> used = new HashSet<>();
        for (int turn = 0; turn < 40; turn++) {
            ConversationEngine.Reply reply = reply(turn % 2 == 0 ? LONELY : TIRED_BUT_PROUD, UUID.randomUUID(), "Ana", used);
            for (String sentence : reply.sentences()) {
                assertThat(used.add(sentence)).as("turn %d repeated %s", turn, sentence).isTrue();
            }
        }
    }

    @Test
    void shouldUseNameSometimesButNotEveryTurn() {
        long withName = 0;
        for (int turn = 0; turn < 60; turn++) {
            if (reply(LONELY, UUID.randomUUID(), "Ana", Set.of()).text().contains("Ana")) {
                withName++;
            }
        }
        assertThat(withName).isBetween(5L, 40L);
    }

    @Test
    void shouldGreetByNewNameWhenNameWasJustStated() {
        Summary justName = new Summary("User wants to be called Harsha.", List.of(), Mood.neutral(0));
        ConversationEngine.Reply reply = composer.compose(new ConversationEngine.ReplyRequest(UUID.randomUUID(), "Harsha",
                justName, "Harsha", true, Optional.empty(), Set.of()));
        assertThat(reply.text()).contains("Harsha").endsWith("?");
    }

    @Test
    void shouldAnswerYesWithValuesWhenAskedWhetherJumboRemembers() {
        RecalledMemory friends = new RecalledMemory("m1", "User's friends are Charvik and Devansh", "relationships",
                "friends", List.of("Charvik", "Devansh"), 0.9);
        ConversationEngine.Reply reply = composer.compose(new ConversationEngine.ReplyRequest(UUID.randomUUID(),
                "Do you remember my friends?", LONELY, null, false,
                Optional.of(new RecallOutcome.Found(List.of(friends))), Set.of()));
        assertThat(reply.text()).isEqualTo("Yes, Charvik and Devansh!");
    }

    @Test
    void shouldSayItDoesNotKnowWhenNothingWasRecalledOrMemoryIsUnavailable() {
        assertThat(recall(new RecallOutcome.NothingKnown())).contains("told me");
        assertThat(recall(new RecallOutcome.Unavailable("timeout"))).contains("right now");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "User's sister lives in Paris|Your sister lives in Paris",
            "User works as a nurse at St. Mary's hospital.|You work as a nurse at St. Mary's hospital",
            "User is vegetarian|You are vegetarian",
            "User has two cats, Mochi and Pixel|You have two cats, Mochi and Pixel",
            "User watches anime on Sundays|You watch anime on Sundays",
            "User's partner Sam is a chef|Your partner Sam is a chef"})
    void shouldTurnMemoryIntoSecondPersonWhenQuotingIt(String memory, String expected) {
        assertThat(ReplyComposer.secondPerson(memory)).isEqualTo(expected);
    }

    private String recall(RecallOutcome outcome) {
        return composer.compose(new ConversationEngine.ReplyRequest(UUID.randomUUID(), "What's my dog's name?", LONELY,
                null, false, Optional.of(outcome), Set.of())).text();
    }

    private ConversationEngine.Reply reply(Summary summary, UUID id, String name, Set<String> used) {
        return composer.compose(new ConversationEngine.ReplyRequest(id, "text of the message", summary, name, false,
                Optional.empty(), used));
    }
}
