package dev.jumbo.maintenance.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import dev.jumbo.test.ContractExamples;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class UserDeletedIntegrationTests extends MaintenanceIntegrationTest {

    @Test
    void shouldEraseTheUsersProcessedEventsButTheDeletionsOwnWhenUserIsDeleted() {
        String user = newUser();
        String other = newUser();
        for (String subject : new String[] {user, user, other}) {
            database.sql("INSERT INTO processed_events (consumer, event_id, subject) VALUES ('maintenance-dedup', :id, :s)")
                    .bind("id", UUID.randomUUID().toString()).bind("s", subject).then().block();
        }
        ContractExamples.Example example = ContractExamples.load("auth.users.v1", "user-deleted.v1");
        ObjectNode payload = (ObjectNode) example.payload().deepCopy();
        payload.put("userId", user);
        String eventId = UUID.randomUUID().toString();

        publish(example, user, eventId, JSON.writeValueAsString(payload));

        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) AS n FROM processed_events WHERE subject = :v", user) == 1);
        assertThat(count("SELECT count(*) AS n FROM processed_events WHERE event_id = :v", eventId)).isOne();
        assertThat(count("SELECT count(*) AS n FROM processed_events WHERE subject = :v", other)).isOne();
    }
}
