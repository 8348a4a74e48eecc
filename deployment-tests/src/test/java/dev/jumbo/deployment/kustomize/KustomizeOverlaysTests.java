package dev.jumbo.deployment.kustomize;

import static dev.jumbo.deployment.support.Yamls.at;
import static dev.jumbo.deployment.support.Yamls.map;
import static dev.jumbo.deployment.support.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import dev.jumbo.deployment.support.EnvFile;
import dev.jumbo.deployment.support.JumboService;
import dev.jumbo.deployment.support.KubernetesChecks;
import dev.jumbo.deployment.support.Kustomize;
import dev.jumbo.deployment.support.Manifests;
import dev.jumbo.deployment.support.Repository;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KustomizeOverlaysTests {

    private Manifests base;
    private Manifests staging;
    private Manifests production;
    private Set<String> secretValues;

    @BeforeAll
    void render() {
        if (!Kustomize.kubectlAvailable()) {
            return;
        }
        base = Manifests.parse("k8s/base", Kustomize.build(Repository.path("k8s/base")));
        staging = Manifests.parse("k8s/overlays/staging", Kustomize.build(Repository.path("k8s/overlays/staging")));
        production = Manifests.parse("k8s/overlays/production", Kustomize.build(Repository.path("k8s/overlays/production")));
        secretValues = EnvFile.secretValuesOfAllEnvFiles();
    }

    @BeforeEach
    void requireKubectl() {
        Assumptions.assumeTrue(base != null,
                "SKIPPED: kubectl is not on PATH - install it (apt-get install -y kubectl) to check the kustomize overlays");
    }

    @Test
    void shouldPassEveryDeploymentCheckWhenRenderingTheBase() {
        KubernetesChecks.assertDeployable(base, "prod", secretValues);
    }

    @Test
    void shouldPassEveryDeploymentCheckWhenRenderingTheStagingOverlay() {
        KubernetesChecks.assertDeployable(staging, "staging", secretValues);
        assertThat(KubernetesChecks.environment(staging, JumboService.AUTH)).containsEntry("SPRING_PROFILES_ACTIVE", "staging");
        allInNamespace(staging, "jumbo-staging");
    }

    @Test
    void shouldPassEveryDeploymentCheckWhenRenderingTheProductionOverlay() {
        KubernetesChecks.assertDeployable(production, "prod", secretValues);
        assertThat(KubernetesChecks.environment(production, JumboService.CHAT)).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        allInNamespace(production, "jumbo");
    }

    @Test
    void shouldScaleAndPinImagesDifferentlyWhenOverlaysAreApplied() {
        for (JumboService service : JumboService.values()) {
            assertThat((Integer) at(production.get("HorizontalPodAutoscaler", service), "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
            assertThat((Integer) at(staging.get("HorizontalPodAutoscaler", service), "spec", "maxReplicas")).isLessThanOrEqualTo(2);
            assertThat(string(KubernetesChecks.containers(production, service).get(0), "image"))
                    .isEqualTo("ghcr.io/jumbo/" + service.moduleName() + ":0.1.0");
        }
        assertThat(string(KubernetesChecks.containers(production, JumboService.MEMORY).get(0), "resources", "limits", "memory"))
                .isNotEqualTo(string(KubernetesChecks.containers(base, JumboService.MEMORY).get(0), "resources", "limits", "memory"));
    }

    @Test
    void shouldKeepOnlyServiceSettingsInServiceConfigMapsWhenOverlaysPatchThem() {
        for (Manifests manifests : new Manifests[] {staging, production}) {
            manifests.ofKind("ConfigMap").stream()
                    .filter(c -> Manifests.componentOf(c) == null)
                    .forEach(dashboard -> assertThat(map(dashboard, "data").keySet()).allMatch(k -> k.endsWith(".json")));
        }
    }

    @Test
    void shouldEqualTheChartRenderingWhenComparingTheBaseWithHelmDefaults() {
        Manifests chart = Manifests.parse("helm", new Helm(Repository.path("helm/jumbo")).template().withName("jumbo").call());

        assertThat(kindsAndNames(base)).isEqualTo(kindsAndNames(chart));
        for (JumboService service : JumboService.values()) {
            assertThat(map(base.get("Deployment", service), "spec", "template", "spec"))
                    .as("%s pod spec: regenerate k8s/base after changing the chart (k8s/README.md)", service)
                    .isEqualTo(map(chart.get("Deployment", service), "spec", "template", "spec"));
            assertThat(map(base.get("NetworkPolicy", service), "spec")).isEqualTo(map(chart.get("NetworkPolicy", service), "spec"));
            assertThat(map(base.get("ConfigMap", service), "data")).isEqualTo(map(chart.get("ConfigMap", service), "data"));
        }
        assertThat(map(base.ofKind("PrometheusRule").get(0), "spec")).isEqualTo(map(chart.ofKind("PrometheusRule").get(0), "spec"));
    }

    private static Map<String, Integer> kindsAndNames(Manifests manifests) {
        Map<String, Integer> counts = new HashMap<>();
        manifests.objects().forEach(o -> counts.merge(o.get("kind") + "/" + Manifests.nameOf(o), 1, Integer::sum));
        return counts;
    }

    private static void allInNamespace(Manifests manifests, String namespace) {
        assertThat(manifests.objects()).allSatisfy(o -> assertThat(string(o, "metadata", "namespace"))
                .as("%s namespace", Manifests.nameOf(o)).isEqualTo(namespace));
    }
}
