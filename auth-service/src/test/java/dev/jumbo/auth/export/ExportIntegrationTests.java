package dev.jumbo.auth.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.auth.support.AuthIntegrationTest;
import dev.jumbo.auth.support.AuthTestEnvironment;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ExportIntegrationTests extends AuthIntegrationTest {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @AfterEach
    void resetStubs() {
        AuthTestEnvironment.CHAT.reset();
        AuthTestEnvironment.MEMORY.reset();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void shouldCombineProfileChatAndMemoryWhenBothServicesAnswer() {
        JsonNode tokens = signup(newEmail());
        AuthTestEnvironment.CHAT.answer("{\"conversations\":[{\"conversationId\":\"c1\",\"messages\":[{\"text\":\"hi\"}]}]}");
        AuthTestEnvironment.MEMORY.answer("{\"memories\":[{\"text\":\"User has a dog\",\"archived\":true}],\"moods\":[]}");

        JsonNode export = export(accessToken(tokens));

        assertThat(export.get("exportedAt").asString()).endsWith("Z");
        assertThat(export.get("profile").get("userId")).isEqualTo(tokens.get("userId"));
        assertThat(export.get("chat").get("conversations").get(0).get("messages").get(0).get("text").asString()).isEqualTo("hi");
        assertThat(export.get("memory").get("memories").get(0).get("archived").asBoolean()).isTrue();
        assertThat(export.get("unavailable").isEmpty()).isTrue();
        // the user's own token is forwarded, so the other services answer for the same user
        assertThat(AuthTestEnvironment.CHAT.authorizations()).contains("Bearer " + accessToken(tokens));
        assertThat(AuthTestEnvironment.MEMORY.authorizations()).contains("Bearer " + accessToken(tokens));
    }

    @Test
    void shouldIncludeLargePartsWhenServiceHoldsMuchAboutTheUser() {
        JsonNode tokens = signup(newEmail());
        String message = "{\"text\":\"" + "a long message ".repeat(20) + "\"}";
        String messages = String.join(",", java.util.Collections.nCopies(1000, message));
        AuthTestEnvironment.CHAT.answer("{\"conversations\":[{\"messages\":[" + messages + "]}]}");

        JsonNode export = export(accessToken(tokens));

        assertThat(messages.length()).isGreaterThan(256 * 1024);
        assertThat(export.get("chat").get("conversations").get(0).get("messages")).hasSize(1000);
        assertThat(export.get("unavailable").isEmpty()).isTrue();
    }

    @Test
    void shouldNameMemoryUnavailableWhenItDoesNotAnswerInTime() {
        JsonNode tokens = signup(newEmail());
        AuthTestEnvironment.CHAT.answer("{\"conversations\":[]}");
        AuthTestEnvironment.MEMORY.hang();

        JsonNode export = export(accessToken(tokens));

        assertThat(export.get("chat").get("conversations").isArray()).isTrue();
        assertThat(export.has("memory")).isTrue();
        assertThat(export.get("memory").isNull()).isTrue();
        assertThat(export.get("unavailable").values()).extracting(JsonNode::asString).containsExactly("memory");
    }

    @Test
    void shouldNameChatUnavailableWhenItFails() {
        JsonNode tokens = signup(newEmail());
        AuthTestEnvironment.CHAT.fail();
        AuthTestEnvironment.MEMORY.answer("{\"memories\":[]}");

        JsonNode export = export(accessToken(tokens));

        assertThat(export.get("chat").isNull()).isTrue();
        assertThat(export.get("memory").get("memories").isArray()).isTrue();
        assertThat(export.get("unavailable").values()).extracting(JsonNode::asString).containsExactly("chat");
    }

    @Test
    void shouldStopCallingChatWhenItKeepsFailing() {
        String token = accessToken(signup(newEmail()));
        AuthTestEnvironment.CHAT.fail();

        // application.yml: the circuit opens after 10 calls with at least half failing
        for (int call = 1; call <= 10; call++) {
            export(token);
        }
        int callsWhileClosed = AuthTestEnvironment.CHAT.authorizations().size();
        AuthTestEnvironment.CHAT.answer("{\"conversations\":[]}");
        JsonNode whileOpen = export(token);

        assertThat(callsWhileClosed).isEqualTo(10);
        assertThat(AuthTestEnvironment.CHAT.authorizations()).hasSize(10);
        assertThat(whileOpen.get("unavailable").values()).extracting(JsonNode::asString).containsExactly("chat");
        assertThat(whileOpen.get("memory").isNull()).isFalse();
    }

    @Test
    void shouldRequireTokenWhenExporting() {
        http.get().uri("/api/v1/profile/export").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode export(String token) {
        return http.get().uri("/api/v1/profile/export")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
