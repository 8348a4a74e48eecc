package dev.jumbo.deployment.helm;

import static dev.jumbo.deployment.support.Yamls.at;
import static dev.jumbo.deployment.support.Yamls.map;
import static dev.jumbo.deployment.support.Yamls.maps;
import static dev.jumbo.deployment.support.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.jumbo.deployment.support.EnvFile;
import dev.jumbo.deployment.support.JumboService;
import dev.jumbo.deployment.support.KubernetesChecks;
import dev.jumbo.deployment.support.Manifests;
import dev.jumbo.deployment.support.Repository;
import dev.jumbo.deployment.support.Yamls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmChartTests {

    private static final Path CHART = Repository.path("helm/jumbo");

    private Manifests defaults;
    private Manifests production;
    private Set<String> secretValues;

    @BeforeAll
    void render() {
        defaults = Manifests.parse("helm (default values)", template().call());
        production = Manifests.parse("helm (values-production.yaml)",
                template().withValuesFile(CHART.resolve("values-production.yaml")).call());
        secretValues = EnvFile.secretValuesOfAllEnvFiles();
    }

    @Test
    void shouldLintWithoutErrorsWhenUsingDefaultValues() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void shouldPassEveryDeploymentCheckWhenRenderedWithDefaultValues() {
        KubernetesChecks.assertDeployable(defaults, "prod", secretValues);
    }

    @Test
    void shouldPassEveryDeploymentCheckWhenRenderedWithProductionValues() {
        KubernetesChecks.assertDeployable(production, "prod", secretValues);
    }

    @Test
    void shouldProvideStagingVariablesWhenTheStagingProfileIsSelected() {
        Manifests staging = Manifests.parse("helm (staging)", template().set("springProfile", "staging").call());

        KubernetesChecks.assertRequiredVariablesProvided(staging, "staging");
        assertThat(KubernetesChecks.environment(staging, JumboService.CHAT)).containsEntry("SPRING_PROFILES_ACTIVE", "staging");
    }

    @Test
    void shouldRenderReplicasWhenAutoscalingIsDisabled() {
        Manifests fixed = Manifests.parse("helm (chat without HPA)", template()
                .set("services.chat.autoscaling.enabled", "false")
                .set("services.chat.replicas", "3")
                .call());

        assertThat(fixed.find("HorizontalPodAutoscaler", JumboService.CHAT)).isEmpty();
        assertThat(at(fixed.get("Deployment", JumboService.CHAT), "spec", "replicas")).isEqualTo(3);
        assertThat(map(fixed.get("Deployment", JumboService.MEMORY), "spec")).doesNotContainKey("replicas");
    }

    @Test
    void shouldRunAtLeastTwoReplicasOfEveryServiceWhenUsingProductionValues() {
        for (JumboService service : JumboService.values()) {
            assertThat((Integer) at(production.get("HorizontalPodAutoscaler", service), "spec", "minReplicas"))
                    .as("%s minReplicas", service).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void shouldUseTheConfiguredRegistryAndTagWhenUsingProductionValues() {
        for (JumboService service : JumboService.values()) {
            assertThat(string(KubernetesChecks.containers(production, service).get(0), "image"))
                    .isEqualTo("ghcr.io/jumbo/" + service.moduleName() + ":0.1.0");
        }
    }

    @Test
    void shouldReadEverySecretVariableFromTheServicesOwnSecret() {
        Map<JumboService, String> expectedSecrets = Map.of(
                JumboService.AUTH, "jumbo-auth-service", JumboService.CHAT, "jumbo-chat-service",
                JumboService.MEMORY, "jumbo-memory-service", JumboService.MAINTENANCE, "jumbo-maintenance-service");
        expectedSecrets.forEach((service, secret) -> {
            List<Map<String, Object>> env = maps(KubernetesChecks.containers(defaults, service).get(0), "env");
            Set<String> secretNames = new HashSet<>();
            env.forEach(variable -> secretNames.add(string(variable, "valueFrom", "secretKeyRef", "name")));
            assertThat(secretNames).as("%s reads only its own Secret", service).containsExactly(secret);
            assertThat(env).extracting(v -> v.get("name")).contains("JUMBO_DB_USER", "JUMBO_DB_PASSWORD");
        });
        assertThat(maps(KubernetesChecks.containers(defaults, JumboService.AUTH).get(0), "env"))
                .extracting(v -> v.get("name")).contains("JUMBO_JWT_SIGNING_KEYS");
    }

    @Test
    void shouldMountTheBackupClaimOnMaintenanceWhenPersistenceIsEnabled() {
        Map<String, Object> pod = map(defaults.get("Deployment", JumboService.MAINTENANCE), "spec", "template", "spec");
        String claim = maps(pod, "volumes").stream().map(v -> string(v, "persistentVolumeClaim", "claimName"))
                .filter(c -> c != null).findFirst().orElseThrow();
        String backupDir = KubernetesChecks.environment(defaults, JumboService.MAINTENANCE).get("JUMBO_BACKUP_DIR");

        assertThat(defaults.byName("PersistentVolumeClaim", claim)).isPresent();
        assertThat(maps(KubernetesChecks.containers(defaults, JumboService.MAINTENANCE).get(0), "volumeMounts"))
                .extracting(m -> m.get("mountPath")).contains(backupDir);
    }

    @Test
    void shouldShipTheSharedAlertRulesAndDashboardsWhenMonitoringIsEnabled() throws IOException {
        Map<String, Object> rule = defaults.ofKind("PrometheusRule").get(0);
        Map<String, Object> alertFile = Yamls.load(Repository.read("helm/jumbo/files/prometheus/alerts.yml"));
        List<String> alerts = new ArrayList<>();
        maps(rule, "spec", "groups").forEach(g -> maps(g, "rules").forEach(r -> alerts.add(string(r, "alert"))));

        assertThat(map(rule, "spec")).isEqualTo(alertFile);
        assertThat(alerts).contains("JumboHighErrorRate", "JumboHighLatencyP99", "JumboKafkaConsumerLag",
                "JumboBackupTooOld", "JumboCircuitBreakerOpen");

        try (Stream<Path> files = Files.list(CHART.resolve("files/grafana/dashboards"))) {
            for (Path dashboard : files.toList()) {
                Map<String, Object> configMap = defaults.ofKind("ConfigMap").stream()
                        .filter(c -> map(c, "data").containsKey(dashboard.getFileName().toString())).findFirst().orElseThrow();
                assertThat(map(configMap, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
                assertThat(string(configMap, "data", dashboard.getFileName().toString())).isEqualTo(Files.readString(dashboard).strip());
            }
        }
        assertThat(defaults.ofKind("ServiceMonitor")).hasSize(JumboService.values().length);
    }

    @Test
    void shouldAttachTheAgentAndStopMicrometerExportWhenTheJavaAgentIsEnabled() {
        Manifests withAgent = Manifests.parse("helm (java agent)", template().set("otel.javaAgent", "true").call());

        for (JumboService service : JumboService.values()) {
            assertThat(KubernetesChecks.environment(withAgent, service))
                    .containsEntry("JAVA_TOOL_OPTIONS", "-javaagent:/otel/opentelemetry-javaagent.jar")
                    .containsEntry("JUMBO_OTLP_ENABLED", "false")
                    .containsEntry("OTEL_SERVICE_NAME", service.moduleName());
            assertThat(KubernetesChecks.environment(defaults, service))
                    .doesNotContainKey("JAVA_TOOL_OPTIONS")
                    .containsEntry("JUMBO_OTLP_ENABLED", "true");
        }
    }

    @Test
    void shouldDocumentEveryValueWithAParamComment() {
        String values = Repository.read("helm/jumbo/values.yaml");
        Set<String> documented = new HashSet<>();
        Matcher param = Pattern.compile("## @param (\\S+)").matcher(values);
        while (param.find()) {
            documented.add(param.group(1));
        }
        List<String> leaves = new ArrayList<>();
        collectLeaves("", Yamls.load(values), leaves);

        assertThat(leaves).isNotEmpty().allSatisfy(leaf -> assertThat(documented)
                .as("## @param for %s", leaf)
                .anyMatch(p -> leaf.equals(p) || leaf.startsWith(p + ".")));
    }

    private com.marcnuri.helm.TemplateCommand template() {
        return new Helm(CHART).template().withName("jumbo").withNamespace("jumbo");
    }

    @SuppressWarnings("unchecked")
    private static void collectLeaves(String prefix, Map<String, Object> node, List<String> leaves) {
        node.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                collectLeaves(path, (Map<String, Object>) child, leaves);
            } else {
                leaves.add(path);
            }
        });
    }
}
