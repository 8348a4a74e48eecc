package dev.jumbo.deployment.support;

import static dev.jumbo.deployment.support.Manifests.COMPONENT;
import static dev.jumbo.deployment.support.Manifests.componentOf;
import static dev.jumbo.deployment.support.Manifests.nameOf;
import static dev.jumbo.deployment.support.Yamls.at;
import static dev.jumbo.deployment.support.Yamls.list;
import static dev.jumbo.deployment.support.Yamls.map;
import static dev.jumbo.deployment.support.Yamls.maps;
import static dev.jumbo.deployment.support.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.net.URI;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The properties every rendering of the Kubernetes objects must have, whether it comes from the Helm chart or
 * from the kustomize base and overlays.
 */
public final class KubernetesChecks {

    /** Variable or ConfigMap key names that hold secrets. */
    public static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|_KEYS|TOKEN|CREDENTIAL).*");

    private static final Map<String, JumboService> URL_VARIABLES = Map.of(
            "JUMBO_AUTH_URL", JumboService.AUTH,
            "JUMBO_CHAT_URL", JumboService.CHAT,
            "JUMBO_MEMORY_URL", JumboService.MEMORY,
            "JUMBO_MAINTENANCE_URL", JumboService.MAINTENANCE);

    private KubernetesChecks() {
    }

    public static void assertAutoscalerForEveryService(Manifests manifests) {
        assertSoftly(softly -> {
            for (JumboService service : JumboService.values()) {
                Map<String, Object> hpa = manifests.get("HorizontalPodAutoscaler", service);
                Map<String, Object> deployment = manifests.get("Deployment", service);
                softly.assertThat(hpa.get("apiVersion")).as("%s HPA api", service).isEqualTo("autoscaling/v2");
                softly.assertThat(string(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
                softly.assertThat(string(hpa, "spec", "scaleTargetRef", "name")).as("%s HPA target", service)
                        .isEqualTo(nameOf(deployment));
                Set<String> resources = new HashSet<>();
                for (Map<String, Object> metric : maps(hpa, "spec", "metrics")) {
                    resources.add(string(metric, "resource", "name"));
                }
                softly.assertThat(resources).as("%s HPA metrics", service).contains("cpu", "memory");
                softly.assertThat((Integer) at(hpa, "spec", "maxReplicas"))
                        .isGreaterThanOrEqualTo((Integer) at(hpa, "spec", "minReplicas"));
            }
        });
    }

    /** A Deployment whose replica count an HPA owns must not set one (each apply would reset the scale). */
    public static void assertNoReplicasWhereAutoscaled(Manifests manifests) {
        for (Map<String, Object> hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            String target = string(hpa, "spec", "scaleTargetRef", "name");
            Map<String, Object> deployment = manifests.byName("Deployment", target)
                    .orElseThrow(() -> new AssertionError("HPA targets missing Deployment " + target));
            assertThat(map(deployment, "spec")).as("%s: Deployment %s is autoscaled", manifests.source(), target)
                    .doesNotContainKey("replicas");
        }
    }

    public static void assertProbesOnActuatorHealthGroups(Manifests manifests) {
        assertSoftly(softly -> {
            for (JumboService service : JumboService.values()) {
                for (Map<String, Object> container : containers(manifests, service)) {
                    Map<String, Integer> ports = containerPorts(container);
                    Map<String, String> expectedPaths = Map.of(
                            "startupProbe", "/actuator/health/liveness",
                            "livenessProbe", "/actuator/health/liveness",
                            "readinessProbe", "/actuator/health/readiness");
                    expectedPaths.forEach((probe, path) -> {
                        softly.assertThat(string(container, probe, "httpGet", "path")).as("%s %s path", service, probe).isEqualTo(path);
                        Object port = at(container, probe, "httpGet", "port");
                        Integer number = port instanceof Integer p ? p : ports.get(String.valueOf(port));
                        softly.assertThat(number).as("%s %s port", service, probe).isEqualTo(service.managementPort());
                    });
                }
            }
        });
    }

    public static void assertHardenedPods(Manifests manifests) {
        assertSoftly(softly -> {
            for (JumboService service : JumboService.values()) {
                Map<String, Object> pod = map(manifests.get("Deployment", service), "spec", "template", "spec");
                softly.assertThat(at(pod, "automountServiceAccountToken")).as("%s automount", service).isEqualTo(false);
                Map<String, Object> podContext = map(pod, "securityContext");
                Set<String> tmpVolumes = new HashSet<>();
                for (Map<String, Object> volume : maps(pod, "volumes")) {
                    if (volume.containsKey("emptyDir")) {
                        tmpVolumes.add(string(volume, "name"));
                    }
                }
                for (Map<String, Object> container : containers(manifests, service)) {
                    Map<String, Object> context = map(container, "securityContext");
                    softly.assertThat(effective(context, podContext, "runAsNonRoot")).as("%s runAsNonRoot", service).isEqualTo(true);
                    softly.assertThat(effective(context, podContext, "runAsUser")).as("%s runAsUser", service).isEqualTo(65532);
                    softly.assertThat(at(context, "readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", service).isEqualTo(true);
                    softly.assertThat(at(context, "allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", service).isEqualTo(false);
                    softly.assertThat(list(context, "capabilities", "drop")).as("%s capabilities", service).contains("ALL");
                    softly.assertThat(list(context, "capabilities", "add")).as("%s added capabilities", service).isEmpty();
                    Object seccomp = at(context, "seccompProfile", "type") != null
                            ? at(context, "seccompProfile", "type") : at(podContext, "seccompProfile", "type");
                    softly.assertThat(seccomp).as("%s seccomp", service).isEqualTo("RuntimeDefault");
                    boolean tmpWritable = maps(container, "volumeMounts").stream()
                            .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && tmpVolumes.contains(string(m, "name")));
                    softly.assertThat(tmpWritable).as("%s has an emptyDir on /tmp", service).isTrue();
                    softly.assertThat(at(container, "resources", "limits", "memory")).as("%s memory limit", service).isNotNull();
                    softly.assertThat(at(container, "resources", "requests", "cpu")).as("%s cpu request (HPA needs it)", service).isNotNull();
                }
            }
        });
    }

    /** Container, Service and configured ports equal the defaults in each service's application.yml. */
    public static void assertPortsMatchServiceConfiguration(Manifests manifests) {
        assertSoftly(softly -> {
            for (JumboService service : JumboService.values()) {
                Map<String, Object> container = containers(manifests, service).get(0);
                Map<String, Integer> ports = containerPorts(container);
                softly.assertThat(ports.get("http")).as("%s http containerPort", service).isEqualTo(service.serverPort());
                softly.assertThat(ports.values()).as("%s container ports", service).contains(service.managementPort());
                Map<String, String> environment = environment(manifests, service);
                softly.assertThat(environment.get("SERVER_PORT")).as("%s SERVER_PORT", service)
                        .isEqualTo(String.valueOf(service.serverPort()));
                if (service == JumboService.GATEWAY) {
                    softly.assertThat(environment.get("JUMBO_GATEWAY_MANAGEMENT_PORT"))
                            .isEqualTo(String.valueOf(service.managementPort()));
                }
                Map<String, Object> kubeService = manifests.get("Service", service);
                Set<Integer> servicePorts = new HashSet<>();
                for (Map<String, Object> port : maps(kubeService, "spec", "ports")) {
                    servicePorts.add((Integer) port.get("port"));
                }
                softly.assertThat(servicePorts).as("%s Service ports", service).contains(service.serverPort(), service.managementPort());
                URL_VARIABLES.forEach((variable, target) -> {
                    String url = environment.get(variable);
                    softly.assertThat(url).as("%s %s", service, variable).isNotBlank();
                    if (url != null && !url.isBlank()) {
                        URI uri = URI.create(url);
                        softly.assertThat(uri.getPort()).as("%s %s port", service, variable).isEqualTo(target.serverPort());
                        softly.assertThat(uri.getHost()).as("%s %s host", service, variable)
                                .isEqualTo(nameOf(manifests.get("Service", target)));
                    }
                });
            }
        });
    }

    public static void assertImagesNamedAfterServices(Manifests manifests) {
        assertSoftly(softly -> {
            for (JumboService service : JumboService.values()) {
                for (Map<String, Object> container : containers(manifests, service)) {
                    softly.assertThat(string(container, "image")).as("%s image", service)
                            .matches("(.+/)?" + Pattern.quote(service.moduleName()) + ":[A-Za-z0-9._-]+");
                }
            }
        });
    }

    /** Every variable a service refuses to start without in the profile is set, secret ones from a Secret. */
    public static void assertRequiredVariablesProvided(Manifests manifests, String profile) {
        assertSoftly(softly -> {
            for (JumboService service : JumboService.values()) {
                Map<String, String> environment = environment(manifests, service);
                softly.assertThat(environment.keySet()).as("%s: variables required by application-%s.yml", service, profile)
                        .containsAll(service.requiredVariables(profile));
            }
        });
    }

    public static void assertSecretsOnlyFromSecrets(Manifests manifests, Set<String> forbiddenValues) {
        assertSoftly(softly -> {
            softly.assertThat(manifests.ofKind("Secret")).as("%s renders no Secret (they are created outside)", manifests.source()).isEmpty();
            for (Map<String, Object> configMap : manifests.ofKind("ConfigMap")) {
                map(configMap, "data").forEach((key, value) -> {
                    softly.assertThat(key).as("%s ConfigMap %s key", manifests.source(), nameOf(configMap)).doesNotMatch(SECRET_NAME);
                    String text = String.valueOf(value);
                    softly.assertThat(text).as("ConfigMap %s %s", nameOf(configMap), key).doesNotContain("-----BEGIN");
                    for (String forbidden : forbiddenValues) {
                        softly.assertThat(text).as("ConfigMap %s %s holds a secret value", nameOf(configMap), key).isNotEqualTo(forbidden);
                    }
                });
            }
            for (JumboService service : JumboService.values()) {
                for (Map<String, Object> container : containers(manifests, service)) {
                    for (Map<String, Object> variable : maps(container, "env")) {
                        String name = string(variable, "name");
                        if (SECRET_NAME.matcher(name).matches() || name.equals("JUMBO_DB_USER")) {
                            softly.assertThat(variable).as("%s %s", service, name).doesNotContainKey("value");
                            softly.assertThat(at(variable, "valueFrom", "secretKeyRef", "name")).as("%s %s from a Secret", service, name).isNotNull();
                        }
                    }
                }
            }
        });
    }

    /** NetworkPolicies admit exactly the flows of {@link NetworkTruth}, every rule port-scoped. */
    public static void assertNetworkPoliciesMatchTruth(Manifests manifests) {
        assertSoftly(softly -> {
            for (JumboService service : JumboService.values()) {
                Map<String, Object> policy = manifests.get("NetworkPolicy", service);
                softly.assertThat(string(policy, "spec", "podSelector", "matchLabels", COMPONENT)).isEqualTo(service.moduleName());
                softly.assertThat(list(policy, "spec", "policyTypes")).as("%s policyTypes", service).contains("Ingress", "Egress");

                Set<JumboService> callers = EnumSet.noneOf(JumboService.class);
                Map<Map<String, Object>, Set<Integer>> namespacePeers = new LinkedHashMap<>();
                for (Map<String, Object> rule : maps(policy, "spec", "ingress")) {
                    Set<Integer> ports = ports(rule);
                    softly.assertThat(list(rule, "from")).as("%s ingress rule without sources admits everyone", service).isNotEmpty();
                    softly.assertThat(ports).as("%s ingress rule without ports", service).isNotEmpty();
                    for (Map<String, Object> peer : maps(rule, "from")) {
                        JumboService caller = jumboPeer(peer);
                        if (caller != null) {
                            callers.add(caller);
                            softly.assertThat(ports).as("%s admits %s on", service, caller).containsOnly(service.serverPort());
                        } else {
                            softly.assertThat(peer).as("%s ingress peer", service).containsOnlyKeys("namespaceSelector");
                            namespacePeers.computeIfAbsent(map(peer, "namespaceSelector"), k -> new HashSet<>()).addAll(ports);
                        }
                    }
                }
                softly.assertThat(callers).as("%s is called by", service).isEqualTo(NetworkTruth.callersOf(service));
                // Prometheus on the metrics port and, for the gateway only, the ingress controller on the HTTP port
                Set<Set<Integer>> expectedNamespacePorts = service == JumboService.GATEWAY
                        ? Set.of(Set.of(service.serverPort()), Set.of(service.managementPort()))
                        : Set.of(Set.of(service.managementPort()));
                softly.assertThat(new HashSet<>(namespacePeers.values())).as("%s ports open to other namespaces", service)
                        .isEqualTo(expectedNamespacePorts);
                softly.assertThat(namespacePeers).as("%s namespaces admitted", service).hasSize(expectedNamespacePorts.size());

                Set<JumboService> callees = EnumSet.noneOf(JumboService.class);
                Set<Integer> infrastructurePorts = new HashSet<>();
                for (Map<String, Object> rule : maps(policy, "spec", "egress")) {
                    Set<Integer> ports = ports(rule);
                    softly.assertThat(ports).as("%s egress rule without ports", service).isNotEmpty();
                    List<Map<String, Object>> peers = maps(rule, "to");
                    JumboService callee = peers.size() == 1 ? jumboPeer(peers.get(0)) : null;
                    if (callee != null) {
                        callees.add(callee);
                        softly.assertThat(ports).as("%s calls %s on", service, callee).containsOnly(callee.serverPort());
                    } else {
                        peers.forEach(peer -> softly.assertThat(jumboPeer(peer)).as("%s egress mixes services with others", service).isNull());
                        infrastructurePorts.addAll(ports);
                    }
                }
                softly.assertThat(callees).as("%s calls", service).isEqualTo(NetworkTruth.calleesOf(service));
                softly.assertThat(infrastructurePorts).as("%s infrastructure egress ports", service)
                        .isEqualTo(NetworkTruth.infrastructurePortsOf(service));
            }
        });
    }

    /** The gateway is the only way in: one Ingress, with TLS, to the gateway's Service. */
    public static void assertOnlyGatewayExposed(Manifests manifests) {
        List<Map<String, Object>> ingresses = manifests.ofKind("Ingress");
        assertThat(ingresses).as("%s ingresses", manifests.source()).hasSize(1);
        Map<String, Object> ingress = ingresses.get(0);
        String gatewayService = nameOf(manifests.get("Service", JumboService.GATEWAY));
        assertThat(maps(ingress, "spec", "tls")).as("ingress TLS").isNotEmpty();
        for (Map<String, Object> rule : maps(ingress, "spec", "rules")) {
            assertThat(list(ingress, "spec", "tls").stream().flatMap(tls -> list(tls, "hosts").stream()))
                    .as("TLS covers the host").contains(rule.get("host"));
            for (Map<String, Object> path : maps(rule, "http", "paths")) {
                assertThat(string(path, "backend", "service", "name")).isEqualTo(gatewayService);
            }
        }
        for (Map<String, Object> kubeService : manifests.ofKind("Service")) {
            assertThat(string(kubeService, "spec", "type")).as("Service %s type", nameOf(kubeService)).isIn(null, "ClusterIP");
        }
    }

    public static void assertDisruptionBudgets(Manifests manifests) {
        for (JumboService service : JumboService.values()) {
            Map<String, Object> pdb = manifests.get("PodDisruptionBudget", service);
            assertThat(map(pdb, "spec", "selector", "matchLabels"))
                    .isEqualTo(map(manifests.get("Deployment", service), "spec", "selector", "matchLabels"));
        }
    }

    /** Runs every check above. */
    public static void assertDeployable(Manifests manifests, String profile, Set<String> forbiddenValues) {
        assertAutoscalerForEveryService(manifests);
        assertNoReplicasWhereAutoscaled(manifests);
        assertProbesOnActuatorHealthGroups(manifests);
        assertHardenedPods(manifests);
        assertPortsMatchServiceConfiguration(manifests);
        assertImagesNamedAfterServices(manifests);
        assertRequiredVariablesProvided(manifests, profile);
        assertSecretsOnlyFromSecrets(manifests, forbiddenValues);
        assertNetworkPoliciesMatchTruth(manifests);
        assertOnlyGatewayExposed(manifests);
        assertDisruptionBudgets(manifests);
    }

    /** Variable name -> value (or "<secret>") as the container sees it: ConfigMaps by envFrom, then env. */
    public static Map<String, String> environment(Manifests manifests, JumboService service) {
        Map<String, String> environment = new HashMap<>();
        for (Map<String, Object> container : containers(manifests, service)) {
            for (Map<String, Object> source : maps(container, "envFrom")) {
                String configMap = string(source, "configMapRef", "name");
                if (configMap != null) {
                    Map<String, Object> data = map(manifests.byName("ConfigMap", configMap)
                            .orElseThrow(() -> new AssertionError(service + " reads missing ConfigMap " + configMap)), "data");
                    data.forEach((k, v) -> environment.put(k, String.valueOf(v)));
                }
            }
            for (Map<String, Object> variable : maps(container, "env")) {
                environment.put(string(variable, "name"),
                        variable.containsKey("value") ? String.valueOf(variable.get("value")) : "<secret>");
            }
        }
        return environment;
    }

    public static List<Map<String, Object>> containers(Manifests manifests, JumboService service) {
        List<Map<String, Object>> containers = maps(manifests.get("Deployment", service), "spec", "template", "spec", "containers");
        assertThat(containers).as("%s containers", service).isNotEmpty();
        return containers;
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new HashMap<>();
        for (Map<String, Object> port : maps(container, "ports")) {
            ports.put(string(port, "name"), (Integer) port.get("containerPort"));
        }
        return ports;
    }

    private static Object effective(Map<String, Object> container, Map<String, Object> pod, String key) {
        return container.containsKey(key) ? container.get(key) : pod.get(key);
    }

    private static Set<Integer> ports(Map<String, Object> rule) {
        Set<Integer> ports = new HashSet<>();
        for (Map<String, Object> port : maps(rule, "ports")) {
            ports.add((Integer) port.get("port"));
        }
        return ports;
    }

    /** The Jumbo service a peer selects (pods of this release by component label), or null for anything else. */
    private static JumboService jumboPeer(Map<String, Object> peer) {
        if (peer.containsKey("namespaceSelector") || peer.containsKey("ipBlock")) {
            return null;
        }
        String component = string(map(peer, "podSelector", "matchLabels"), COMPONENT);
        return component == null ? null : JumboService.byModuleName(component);
    }
}
