package dev.jumbo.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.devstack.infra.Infrastructure;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTests {

    private final ServiceEnvironment environment = new ServiceEnvironment(
            new Infrastructure(15432, "127.0.0.1:19092", 19092, 16379), ports());

    private static Map<JumboService, ServicePorts> ports() {
        Map<JumboService, ServicePorts> ports = new EnumMap<>(JumboService.class);
        for (JumboService service : JumboService.values()) {
            ports.put(service, ServicePorts.of(service.defaultPort() + 1000));
        }
        ports.put(JumboService.GATEWAY, ServicePorts.of(9080, 19080));
        return ports;
    }

    @Test
    void shouldPointServiceAtInfrastructureAndOtherServicesWhenBuilt() {
        Map<String, String> variables = environment.variablesFor(JumboService.CHAT);

        assertThat(variables).containsEntry("SERVER_PORT", "9082")
                .containsEntry("SPRING_PROFILES_ACTIVE", "dev")
                .containsEntry("JUMBO_DB_HOST", "localhost")
                .containsEntry("JUMBO_DB_PORT", "15432")
                .containsEntry("JUMBO_DB_NAME", "jumbo")
                .containsEntry("JUMBO_DB_USER", "postgres")
                .containsEntry("JUMBO_DB_PASSWORD", "")
                .containsEntry("JUMBO_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("JUMBO_REDIS_PORT", "16379")
                .containsEntry("JUMBO_AUTH_URL", "http://localhost:9081")
                .containsEntry("JUMBO_CHAT_URL", "http://localhost:9082")
                .containsEntry("JUMBO_MEMORY_URL", "http://localhost:9083")
                .containsEntry("JUMBO_MAINTENANCE_URL", "http://localhost:9084")
                .containsKey("JUMBO_REDIS_HOST");
    }

    @Test
    void shouldGiveGatewayItsActuatorPortWhenItHasOne() {
        assertThat(environment.variablesFor(JumboService.GATEWAY))
                .containsEntry("SERVER_PORT", "9080")
                .containsEntry("JUMBO_GATEWAY_MANAGEMENT_PORT", "19080");
        assertThat(environment.variablesFor(JumboService.AUTH)).doesNotContainKey("JUMBO_GATEWAY_MANAGEMENT_PORT");
    }

    @Test
    void shouldPassCallerVariablesThroughWhenAppliedToProcessEnvironment() {
        Map<String, String> processEnvironment = new HashMap<>(Map.of(
                "JUMBO_ADMIN_EMAILS", "ada@example.com",
                "JUMBO_ENGINE", "ollama",
                "PATH", "/usr/bin"));

        environment.applyTo(processEnvironment, JumboService.AUTH);

        assertThat(processEnvironment).containsEntry("JUMBO_ADMIN_EMAILS", "ada@example.com")
                .containsEntry("JUMBO_ENGINE", "ollama")
                .containsEntry("PATH", "/usr/bin")
                .containsEntry("SERVER_PORT", "9081");
    }

    @Test
    void shouldOverrideCallerValueWhenDevstackOwnsTheVariable() {
        Map<String, String> processEnvironment = new HashMap<>(Map.of(
                "JUMBO_DB_PORT", "5432", "SPRING_PROFILES_ACTIVE", "prod", "SERVER_PORT", "1"));

        environment.applyTo(processEnvironment, JumboService.MEMORY);

        assertThat(processEnvironment).containsEntry("JUMBO_DB_PORT", "15432")
                .containsEntry("SPRING_PROFILES_ACTIVE", "dev")
                .containsEntry("SERVER_PORT", "9083");
    }
}
