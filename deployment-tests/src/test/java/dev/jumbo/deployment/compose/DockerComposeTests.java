package dev.jumbo.deployment.compose;

import static dev.jumbo.deployment.support.Yamls.at;
import static dev.jumbo.deployment.support.Yamls.list;
import static dev.jumbo.deployment.support.Yamls.map;
import static dev.jumbo.deployment.support.Yamls.maps;
import static dev.jumbo.deployment.support.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import dev.jumbo.deployment.support.EnvFile;
import dev.jumbo.deployment.support.JumboService;
import dev.jumbo.deployment.support.KubernetesChecks;
import dev.jumbo.deployment.support.Repository;
import dev.jumbo.deployment.support.Yamls;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DockerComposeTests {

    private static final List<String> ENV_FILES = List.of(".env.development", ".env.testing", ".env.staging", ".env.production.example");
    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "redis", "otel-collector", "jaeger", "prometheus", "grafana");
    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message} */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");

    private final String composeText = Repository.read("docker-compose.yml");
    private final Map<String, Object> compose = Yamls.load(composeText);
    private final Map<String, Object> services = map(compose, "services");

    @Test
    void shouldDeclareEveryServiceAndInfrastructureWhenParsed() {
        Set<String> expected = new HashSet<>(INFRASTRUCTURE);
        for (JumboService service : JumboService.values()) {
            expected.add(service.moduleName());
        }
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(string(services, "kafka", "image")).isEqualTo("apache/kafka:4.1.0");
        assertThat(string(services, "kafka", "environment", "KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(string(services, "postgres", "image")).startsWith("postgres:15");
        assertThat(string(services, "redis", "image")).startsWith("redis:7");
    }

    @Test
    void shouldGiveEveryContainerAHealthcheckAndAMemoryLimit() {
        assertSoftly(softly -> services.forEach((name, definition) -> {
            softly.assertThat(list(definition, "healthcheck", "test")).as("%s healthcheck", name).isNotEmpty();
            Object limit = at(definition, "deploy", "resources", "limits", "memory") != null
                    ? at(definition, "deploy", "resources", "limits", "memory") : at(definition, "mem_limit");
            softly.assertThat(limit).as("%s memory limit", name).isNotNull();
        }));
    }

    @Test
    void shouldStartEachServiceOnlyAfterWhatItNeedsIsHealthy() {
        assertSoftly(softly -> {
            for (JumboService service : JumboService.values()) {
                Map<String, Object> dependsOn = map(services, service.moduleName(), "depends_on");
                Set<String> needs = service == JumboService.GATEWAY
                        ? Set.of("redis", "auth-service", "chat-service", "memory-service", "maintenance-service")
                        : Set.of("postgres", "kafka");
                for (String need : needs) {
                    softly.assertThat(string(dependsOn, need, "condition")).as("%s waits for %s", service, need).isEqualTo("service_healthy");
                }
            }
            services.forEach((name, definition) -> map(definition, "depends_on").keySet().forEach(dependency ->
                    softly.assertThat(services).as("%s depends on a declared service", name).containsKey(dependency)));
        });
    }

    @Test
    void shouldProvideEveryVariableTheServiceRequiresWhenRunningInProdOrStaging() {
        assertSoftly(softly -> {
            for (JumboService service : JumboService.values()) {
                Map<String, Object> environment = map(services, service.moduleName(), "environment");
                for (String profile : List.of("prod", "staging")) {
                    softly.assertThat(environment.keySet()).as("%s environment for %s", service, profile)
                            .containsAll(service.requiredVariables(profile));
                }
                softly.assertThat(string(environment, "SERVER_PORT")).as("%s SERVER_PORT", service).isEqualTo(String.valueOf(service.serverPort()));
                softly.assertThat(String.join(" ", list(services, service.moduleName(), "healthcheck", "test").stream().map(Object::toString).toList()))
                        .as("%s readiness check", service).contains("/" + service.managementPort(), "/actuator/health/readiness");
                softly.assertThat(string(services, service.moduleName(), "image"))
                        .isEqualTo("jumbo/" + service.moduleName() + ":${JUMBO_VERSION:-0.1.0-SNAPSHOT}");
            }
            softly.assertThat(string(services, "gateway", "environment", "JUMBO_GATEWAY_MANAGEMENT_PORT"))
                    .isEqualTo(String.valueOf(JumboService.GATEWAY.managementPort()));
        });
    }

    @Test
    void shouldGiveEachServiceItsOwnDatabaseRoleWhenConnectingToPostgres() {
        Set<String> users = new HashSet<>();
        Set<String> passwords = new HashSet<>();
        for (JumboService service : JumboService.values()) {
            if (service == JumboService.GATEWAY) {
                continue;
            }
            users.add(string(services, service.moduleName(), "environment", "JUMBO_DB_USER"));
            passwords.add(string(services, service.moduleName(), "environment", "JUMBO_DB_PASSWORD"));
        }
        String initScript = Repository.read("deploy/postgres/init-jumbo.sh");

        assertThat(users).hasSize(4).allSatisfy(user -> assertThat(initScript).contains("CREATE ROLE " + user + " LOGIN"));
        assertThat(passwords).hasSize(4).allMatch(p -> p.startsWith("${") && !p.contains(":-"));
    }

    @Test
    void shouldInterpolateEverySecretWhenPassingItToAContainer() {
        assertSoftly(softly -> services.forEach((name, definition) -> map(definition, "environment").forEach((variable, value) -> {
            if (KubernetesChecks.SECRET_NAME.matcher(variable).matches()) {
                // ${NAME}, ${NAME:?message} or ${NAME:-} (empty default): never a literal or a default secret
                softly.assertThat(String.valueOf(value)).as("%s %s comes from the env file", name, variable)
                        .matches("\\$\\{[A-Z0-9_]+(:?\\?[^}]*|:-)?}");
            }
        })));
    }

    @Test
    void shouldDefineEveryMandatoryVariableWhenUsingAnyEnvFile() {
        Matcher matcher = INTERPOLATION.matcher(composeText);
        Set<String> mandatory = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        while (matcher.find()) {
            referenced.add(matcher.group(1));
            if (matcher.group(2) == null || matcher.group(2).endsWith("?")) {
                mandatory.add(matcher.group(1));
            }
        }
        assertThat(mandatory).contains("POSTGRES_PASSWORD", "JUMBO_AUTH_DB_PASSWORD");
        assertSoftly(softly -> {
            for (String file : ENV_FILES) {
                EnvFile env = EnvFile.read(file);
                for (String variable : mandatory) {
                    softly.assertThat(env.variables().get(variable)).as("%s sets %s", file, variable).isNotBlank();
                }
                softly.assertThat(referenced).as("%s only sets variables docker-compose.yml reads", file)
                        .containsAll(env.variables().keySet());
            }
        });
    }

    @Test
    void shouldHoldOnlyPlaceholdersWhenShippingTheProductionExample() {
        EnvFile example = EnvFile.read(".env.production.example");

        assertThat(example.variables()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        assertThat(example.secretValues()).isNotEmpty().allMatch("change-me"::equals);
        assertThat(EnvFile.read(".env.staging").secretValues()).allMatch("change-me"::equals);
        assertThat(example.variables().keySet()).noneMatch(k -> KubernetesChecks.SECRET_NAME.matcher(k).matches()
                && example.variables().get(k).startsWith("-----BEGIN"));
    }

    @Test
    void shouldMountTheChartsDashboardsAndAlertRulesWhenRunningObservability() {
        List<String> mounts = new java.util.ArrayList<>();
        services.values().forEach(definition -> list(definition, "volumes").forEach(v -> mounts.add(v.toString())));
        List<String> bindSources = mounts.stream().filter(m -> m.startsWith("./")).map(m -> m.substring(2, m.indexOf(':'))).toList();

        assertThat(bindSources).contains("helm/jumbo/files/prometheus", "helm/jumbo/files/grafana/dashboards")
                .allSatisfy(source -> assertThat(Files.exists(Repository.path(source))).as("%s exists", source).isTrue());
    }

    @Test
    void shouldScrapeEveryServiceOnItsMetricsPortWhenPrometheusRuns() {
        Map<String, Object> prometheus = Yamls.load(Repository.read("deploy/prometheus/prometheus.yml"));
        Set<String> targets = new HashSet<>();
        maps(prometheus, "scrape_configs").forEach(job -> maps(job, "static_configs")
                .forEach(config -> list(config, "targets").forEach(t -> targets.add(t.toString()))));

        for (JumboService service : JumboService.values()) {
            assertThat(targets).contains(service.moduleName() + ":" + service.managementPort());
        }
    }
}
