package dev.jumbo.deployment.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Parsing and walking untyped YAML (maps, lists, scalars). */
public final class Yamls {

    private Yamls() {
    }

    /** A YAML loader that refuses duplicate keys, as the Kubernetes API server does. */
    public static Yaml strictYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        return new Yaml(options);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> loadAll(String multiDocument) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : strictYaml().loadAll(multiDocument)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(String document) {
        return (Map<String, Object>) strictYaml().load(document);
    }

    /** The value at a dotted path of map keys, or null when any step is missing. */
    @SuppressWarnings("unchecked")
    public static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node, String... keys) {
        Object value = at(node, keys);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node, String... keys) {
        Object value = at(node, keys);
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object node, String... keys) {
        return (List<Map<String, Object>>) (List<?>) list(node, keys);
    }

    public static String string(Object node, String... keys) {
        Object value = at(node, keys);
        return value == null ? null : Objects.toString(value);
    }
}
