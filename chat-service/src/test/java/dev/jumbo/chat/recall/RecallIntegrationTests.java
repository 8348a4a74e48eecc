package dev.jumbo.chat.recall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.chat.support.ChatIntegrationTest;
import dev.jumbo.chat.support.MemoryStub;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Memory questions answered through memory-service's recall API — here its stub — and what happens when it fails. */
class RecallIntegrationTests extends ChatIntegrationTest {

    private static final String FRIENDS = """
            {"memories":[{"id":"5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e","text":"User's friends are Charvik and Devansh",
            "category":"relationships","subject":"friends","values":["Charvik","Devansh"],"confidence":0.93},
            {"id":"6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f","text":"User likes board games","category":"hobbies",
            "subject":"likes","values":["board games"],"confidence":0.41}]}""";
    private static final String SISTER = """
            {"memories":[{"id":"7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a","text":"User's sister lives in Paris",
            "category":"relationships","subject":"sister","values":["Paris"],"confidence":0.9}]}""";

    @Test
    void shouldAnswerFromMemoriesAndListThemWhenUserAsksWhatJumboRemembers() {
        User user = newUser();
        memory.behave(user.id(), new MemoryStub.Answers(FRIENDS));

        JsonNode turn = say(user, "Do you remember my friends?");

        assertThat(turn.get("reply").asString()).contains("Charvik").contains("Devansh");
        assertThat(turn.get("memoriesUsed")).hasSize(1);
        assertThat(turn.get("memoriesUsed").get(0).get("id").asString()).isEqualTo("5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e");
        assertThat(turn.get("memoriesUsed").get(0).get("text").asString()).isEqualTo("User's friends are Charvik and Devansh");
        MemoryStub.Received request = memory.receivedFor(user.id()).get(0);
        assertThat(request.authorization()).isEqualTo("Bearer " + user.token());
        assertThat(request.body().get("question").asString()).isEqualTo("Do you remember my friends?");
        assertThat(request.body().get("limit").asInt()).isEqualTo(5);
    }

    @Test
    void shouldPutMemoryInOwnWordsWhenAskedWhereOrWhat() {
        User user = newUser();
        memory.behave(user.id(), new MemoryStub.Answers(SISTER));

        JsonNode turn = say(user, "Where does my sister live?");

        assertThat(turn.get("reply").asString()).contains("Your sister lives in Paris");
        assertThat(turn.get("summary").get("text").asString()).contains("remembers about their sister");
    }

    @Test
    void shouldAnswerFromMemoryWhenQuestionNamesSomeoneJumboKnows() {
        User user = newUser();
        memory.behave(user.id(), new MemoryStub.Answers("""
                {"memories":[{"id":"8e9f0a1b-2c3d-4e4f-8a5b-6c7d8e9f0a1b","text":"User's brother works as a pilot",
                "category":"relationships","subject":"brother","values":["pilot"],"confidence":0.95}]}"""));

        JsonNode turn = say(user, "What does Tom do?");

        assertThat(turn.get("reply").asString()).contains("Your brother works as a pilot");
        assertThat(turn.get("memoriesUsed")).hasSize(1);
        assertThat(memory.receivedFor(user.id()).get(0).body().get("question").asString()).isEqualTo("What does Tom do?");
    }

    @Test
    void shouldReplyAsUsualWhenMemoryDoesNotKnowTheNamedOne() {
        User user = newUser();
        memory.behave(user.id(), new MemoryStub.Answers("{\"memories\":[]}"));

        JsonNode turn = say(user, "Who is Taylor Swift?");

        assertThat(turn.get("reply").asString()).doesNotContainIgnoringCase("told me").doesNotContain("right now");
        assertThat(turn.get("memoriesUsed")).isEmpty();
        assertThat(memory.receivedFor(user.id())).hasSize(1);
    }

    @Test
    void shouldReplyAsUsualWhenMemoryFindsOnlySomethingAlikeForTheNamedOne() {
        User user = newUser();
        memory.behave(user.id(), new MemoryStub.Answers(SISTER.replace("0.9}", "0.58}")));

        JsonNode turn = say(user, "Where is Paris?");

        assertThat(turn.get("reply").asString()).doesNotContain("Your sister");
        assertThat(turn.get("memoriesUsed")).isEmpty();
        assertThat(memory.receivedFor(user.id())).hasSize(1);
    }

    @Test
    void shouldSayItWasNotToldYetWhenMemoryHasNothing() {
        User user = newUser();
        memory.behave(user.id(), new MemoryStub.Answers("{\"memories\":[]}"));

        JsonNode turn = say(user, "What's my dog's name?");

        assertThat(turn.get("reply").asString()).containsIgnoringCase("told me");
        assertThat(turn.get("memoriesUsed")).isEmpty();
    }

    @Test
    void shouldAnswerInTimeWithoutMemoriesWhenMemoryServiceIsSlow() {
        User user = newUser();
        memory.behave(user.id(), new MemoryStub.Slow(6_000, SISTER));

        long started = System.nanoTime();
        JsonNode turn = say(user, "Where does my sister live?");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).as("the turn did not wait for the slow answer").isLessThan(5_000);
        assertThat(turn.get("reply").asString()).doesNotContain("Paris").contains("right now");
        assertThat(turn.get("memoriesUsed")).isEmpty();
    }

    @Test
    void shouldAnswerWithoutMemoriesWhenMemoryServiceIsDown() {
        User user = newUser();
        memory.behave(user.id(), new MemoryStub.Down());

        JsonNode turn = say(user, "Who is my best friend?");

        assertThat(turn.get("reply").asString()).contains("right now");
        assertThat(turn.get("memoriesUsed")).isEmpty();
    }
}
