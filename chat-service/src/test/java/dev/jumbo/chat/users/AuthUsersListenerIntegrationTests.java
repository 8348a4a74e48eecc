package dev.jumbo.chat.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.chat.support.ChatIntegrationTest;
import dev.jumbo.test.ContractExamples;
import dev.jumbo.test.TestEvents;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Consumer side of the auth.users.v1 contract: the examples' payloads, fed through Kafka. */
class AuthUsersListenerIntegrationTests extends ChatIntegrationTest {


    @Test
    void shouldAskByRegisteredUsernameWhenRegistrationArrivedBeforeFirstVisit() throws Exception {
        User user = newUser(); // the token carries no username: it comes from the event
        publish("user-registered.v1", user.id(), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM users WHERE user_id = :userId AND username = 'john.doe'", user.id()) == 1);
        assertThat(greeting(user).get("message").asString()).startsWith("Hey john.doe!");
    }

    @Test
    void shouldGreetByPreferredNameWhenProfileWasUpdatedOnceEvenIfDeliveredTwice() throws Exception {
        User user = newUser("jd");
        assertThat(greeting(user).get("needsName").asBoolean()).isTrue();
        String eventId = UUID.randomUUID().toString();
        publish("profile-updated.v1", user.id(), eventId);
        publish("profile-updated.v1", user.id(), eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM users WHERE user_id = :userId AND preferred_name = 'Harsha'", user.id()) == 1);
        assertThat(greeting(user).get("message").asString()).contains("Harsha");
        assertThat(count("SELECT count(*) FROM processed_events WHERE subject = :userId", user.id())).isEqualTo(1);
    }

    @Test
    void shouldEraseConversationsMessagesAndNameWhenUserIsDeleted() throws Exception {
        User user = newUser("leaving");
        greeting(user);
        say(user, "Call me Robin");
        say(user, "My sister lives in Paris.");
        User neighbour = newUser();
        say(neighbour, "I stay.");

        publish("user-deleted.v1", user.id(), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM users WHERE user_id = :userId", user.id()) == 0);
        assertThat(count("SELECT count(*) FROM conversations WHERE user_id = :userId", user.id())).isZero();
        assertThat(count("SELECT count(*) FROM messages WHERE user_id = :userId", user.id())).isZero();
        assertThat(count("SELECT count(*) FROM messages WHERE user_id = :userId", neighbour.id())).isEqualTo(2);
    }

    private void publish(String event, String userId, String eventId) {
        ContractExamples.Example example = ContractExamples.load("auth.users.v1", event);
        ObjectNode payload = (ObjectNode) example.payload().deepCopy();
        payload.put("userId", userId);
        TestEvents.publish(example, userId, eventId, payload.toString());
    }
}
