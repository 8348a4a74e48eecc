package dev.jumbo.gateway.health;

import dev.jumbo.gateway.support.FakeServices;
import dev.jumbo.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class GatewayHealthIntegrationTests extends GatewayIntegrationTest {

    @Test
    void shouldAnswerUpWhenEveryServiceIsReady() {
        client.get().uri("/health")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("""
                        {"status":"UP","services":{"auth":"UP","chat":"UP","memory":"UP","maintenance":"UP"}}
                        """, true);
    }

    @Test
    void shouldAnswerServiceUnavailableWhenOneServiceIsNotReady() {
        FakeServices.CHAT.answerReadiness(503, "{\"status\":\"OUT_OF_SERVICE\"}");

        client.get().uri("/health")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().json("""
                        {"status":"DOWN","services":{"auth":"UP","chat":"DOWN","memory":"UP","maintenance":"UP"}}
                        """, true);
    }

    @Test
    void shouldReportServiceDownWhenItIsStopped() {
        FakeServices.MEMORY.stop();

        client.get().uri("/health")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().json("""
                        {"status":"DOWN","services":{"auth":"UP","chat":"UP","memory":"DOWN","maintenance":"UP"}}
                        """, true);
    }

    @Test
    void shouldReportServiceDownWhenItAnswersSlowerThanHealthTimeout() {
        FakeServices.AUTH.holdReadinessAnswers();

        client.get().uri("/health")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().json("""
                        {"status":"DOWN","services":{"auth":"DOWN","chat":"UP","memory":"UP","maintenance":"UP"}}
                        """, true);
    }

    @Test
    void shouldReportServiceDownWhenItAnswersUpWithoutSuccessStatus() {
        FakeServices.MAINTENANCE.answerReadiness(500, "{\"status\":\"UP\"}");

        client.get().uri("/health")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.services.maintenance").isEqualTo("DOWN");
    }
}
