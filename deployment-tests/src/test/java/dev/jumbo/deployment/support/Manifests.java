package dev.jumbo.deployment.support;

import static dev.jumbo.deployment.support.Yamls.map;
import static dev.jumbo.deployment.support.Yamls.string;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A rendered set of Kubernetes objects (helm template or kubectl kustomize output). */
public record Manifests(String source, List<Map<String, Object>> objects) {

    public static final String COMPONENT = "app.kubernetes.io/component";

    public static Manifests parse(String source, String multiDocumentYaml) {
        return new Manifests(source, Yamls.loadAll(multiDocumentYaml));
    }

    public List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    public Optional<Map<String, Object>> find(String kind, JumboService service) {
        return ofKind(kind).stream().filter(o -> service.moduleName().equals(componentOf(o))).findFirst();
    }

    public Map<String, Object> get(String kind, JumboService service) {
        return find(kind, service).orElseThrow(() -> new AssertionError(source + ": no " + kind + " for " + service.moduleName()));
    }

    public Optional<Map<String, Object>> byName(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(string(o, "metadata", "name"))).findFirst();
    }

    public static String componentOf(Map<String, Object> object) {
        return string(map(object, "metadata", "labels"), COMPONENT);
    }

    public static String nameOf(Map<String, Object> object) {
        return string(object, "metadata", "name");
    }
}
