package dev.jumbo.devstack.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jumbo.devstack.service.JumboService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevstackOptionsTests {

    private static final Path WORKING_DIRECTORY = Path.of("/projects/jumbo");

    private static DevstackOptions parse(Map<String, String> environment, String... args) {
        return DevstackOptions.parse(List.of(args), environment, WORKING_DIRECTORY);
    }

    @Test
    void shouldUseDefaultsWhenNothingIsConfigured() {
        DevstackOptions options = parse(Map.of());

        assertThat(options.home()).isEqualTo(WORKING_DIRECTORY);
        assertThat(options.servicePorts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                JumboService.GATEWAY, 8080, JumboService.AUTH, 8081, JumboService.CHAT, 8082,
                JumboService.MEMORY, 8083, JumboService.MAINTENANCE, 8084));
        assertThat(options.managementPortOf(JumboService.GATEWAY)).hasValue(9080);
        assertThat(options.managementPortOf(JumboService.AUTH)).isEmpty();
        assertThat(options.postgresPort()).isEqualTo(5432);
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.redisPort()).isEqualTo(6379);
        assertThat(options.serviceHeap()).isEqualTo("384m");
        assertThat(options.kafkaHeap()).isEqualTo("512m");
        assertThat(options.readinessTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.skippedServices()).isEmpty();
        assertThat(options.serviceJvmOptions()).isEmpty();
        assertThat(options.classDataSharing()).isFalse();
        assertThat(options.helpRequested()).isFalse();
        assertThat(options.postgresDataDirectory()).isEqualTo(WORKING_DIRECTORY.resolve(".jumbo/postgres"));
        assertThat(options.kafkaDirectory()).isEqualTo(WORKING_DIRECTORY.resolve(".jumbo/kafka"));
        assertThat(options.logsDirectory()).isEqualTo(WORKING_DIRECTORY.resolve(".jumbo/logs"));
    }

    @Test
    void shouldReadEnvironmentWhenNoFlagIsGiven() {
        DevstackOptions options = parse(Map.of(
                "JUMBO_HOME", "/elsewhere",
                "JUMBO_GATEWAY_PORT", "9080",
                "JUMBO_MAINTENANCE_PORT", "9084",
                "JUMBO_DB_PORT", "15432",
                "JUMBO_KAFKA_PORT", "19092",
                "JUMBO_REDIS_PORT", "16379",
                "JUMBO_SERVICE_HEAP", "256m",
                "JUMBO_KAFKA_HEAP", "1g",
                "JUMBO_READY_TIMEOUT", "90",
                "JUMBO_SKIP_SERVICES", "chat"));

        assertThat(options.home()).isEqualTo(Path.of("/elsewhere"));
        assertThat(options.portOf(JumboService.GATEWAY)).isEqualTo(9080);
        assertThat(options.portOf(JumboService.MAINTENANCE)).isEqualTo(9084);
        assertThat(options.portOf(JumboService.AUTH)).isEqualTo(8081);
        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.redisPort()).isEqualTo(16379);
        assertThat(options.serviceHeap()).isEqualTo("256m");
        assertThat(options.kafkaHeap()).isEqualTo("1g");
        assertThat(options.readinessTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.skippedServices()).containsExactly(JumboService.CHAT);
    }

    @Test
    void shouldPreferFlagWhenFlagAndVariableAreBothGiven() {
        DevstackOptions options = parse(Map.of("JUMBO_AUTH_PORT", "9081", "JUMBO_SERVICE_HEAP", "256m"),
                "--auth-port", "7081", "--heap=512m");

        assertThat(options.portOf(JumboService.AUTH)).isEqualTo(7081);
        assertThat(options.serviceHeap()).isEqualTo("512m");
    }

    @Test
    void shouldReadGatewayActuatorPortWhenConfigured() {
        assertThat(parse(Map.of("JUMBO_GATEWAY_MANAGEMENT_PORT", "19080")).managementPortOf(JumboService.GATEWAY))
                .hasValue(19080);
        assertThat(parse(Map.of(), "--gateway-management-port=29080").managementPortOf(JumboService.GATEWAY))
                .hasValue(29080);
    }

    @Test
    void shouldTreatVariableAsUnsetWhenItIsBlank() {
        DevstackOptions options = parse(Map.of("JUMBO_DB_PORT", " ", "JUMBO_SKIP_SERVICES", ""));

        assertThat(options.postgresPort()).isEqualTo(5432);
        assertThat(options.skippedServices()).isEmpty();
    }

    @Test
    void shouldAcceptPortZeroWhenAnyFreePortIsWanted() {
        assertThat(parse(Map.of(), "--db-port", "0").postgresPort()).isZero();
    }

    @Test
    void shouldResolveHomeAgainstWorkingDirectoryWhenRelative() {
        assertThat(parse(Map.of(), "--home", "../other").home()).isEqualTo(Path.of("/projects/other"));
    }

    @Test
    void shouldParseTimeoutWhenGivenWithUnit() {
        assertThat(parse(Map.of(), "--timeout", "45s").readinessTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(parse(Map.of(), "--timeout=3m").readinessTimeout()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void shouldSkipServicesWhenNamedByShortOrModuleName() {
        DevstackOptions options = parse(Map.of(), "--skip", "gateway, chat-service,memory");

        assertThat(options.skippedServices())
                .containsExactlyInAnyOrder(JumboService.GATEWAY, JumboService.CHAT, JumboService.MEMORY);
    }

    @Test
    void shouldSplitJvmOptionsWhenGiven() {
        DevstackOptions options = parse(Map.of("JUMBO_SERVICE_JVM_OPTS", " -Xss512k  -Dfoo=bar "));

        assertThat(options.serviceJvmOptions()).containsExactly("-Xss512k", "-Dfoo=bar");
    }

    @Test
    void shouldTurnClassDataSharingOnWhenAsked() {
        assertThat(parse(Map.of("JUMBO_CDS", "true")).classDataSharing()).isTrue();
        assertThat(parse(Map.of("JUMBO_CDS", "true"), "--cds", "off").classDataSharing()).isFalse();
        assertThatThrownBy(() -> parse(Map.of(), "--cds=maybe"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("JUMBO_CDS");
    }

    @Test
    void shouldRequestHelpWhenAsked() {
        assertThat(parse(Map.of(), "-h").helpRequested()).isTrue();
        assertThat(parse(Map.of(), "--help").helpRequested()).isTrue();
        assertThat(DevstackOptions.usage()).contains("JUMBO_GATEWAY_PORT", "--db-port", "JUMBO_SERVICE_HEAP");
    }

    @Test
    void shouldRejectPortWhenOutOfRange() {
        assertThatThrownBy(() -> parse(Map.of("JUMBO_REDIS_PORT", "70000")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("'70000'")
                .hasMessageContaining("--redis-port")
                .hasMessageContaining("JUMBO_REDIS_PORT");
        assertThatThrownBy(() -> parse(Map.of(), "--chat-port", "eighty"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("JUMBO_CHAT_PORT");
    }

    @Test
    void shouldRejectHeapWhenItIsNotASize() {
        assertThatThrownBy(() -> parse(Map.of(), "--heap", "lots"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("JUMBO_SERVICE_HEAP");
    }

    @Test
    void shouldRejectTimeoutWhenZeroOrMalformed() {
        assertThatThrownBy(() -> parse(Map.of(), "--timeout", "0"))
                .isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> parse(Map.of("JUMBO_READY_TIMEOUT", "2h")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("JUMBO_READY_TIMEOUT");
    }

    @Test
    void shouldRejectSkipWhenServiceIsUnknown() {
        assertThatThrownBy(() -> parse(Map.of(), "--skip", "billing"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("'billing'");
    }

    @Test
    void shouldRejectFlagWhenUnknown() {
        assertThatThrownBy(() -> parse(Map.of(), "--detach"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("Unknown option: --detach");
    }

    @Test
    void shouldRejectFlagWhenItsValueIsMissing() {
        assertThatThrownBy(() -> parse(Map.of(), "--db-port"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("--db-port needs a value");
    }
}
