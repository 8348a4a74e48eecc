package dev.jumbo.chat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Compares JSON documents by shape: the same field names with the same JSON types, recursively. */
public final class JsonShapes {

    private JsonShapes() {
    }

    public static void assertSameShape(JsonNode actual, JsonNode example, String path) {
        if (example.isNull()) {
            return; // a null in an example says nothing about the type
        }
        assertThat(actual.getNodeType()).as("type at %s of %s", path, actual).isEqualTo(example.getNodeType());
        if (example.isObject()) {
            assertThat(names(actual)).as("fields at %s", path).isEqualTo(names(example));
            example.properties().forEach(field -> assertSameShape(actual.get(field.getKey()), field.getValue(),
                    path + "." + field.getKey()));
        } else if (example.isArray() && !example.isEmpty() && !actual.isEmpty()) {
            actual.forEach(element -> assertSameShape(element, example.get(0), path + "[]"));
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(field -> names.add(field.getKey()));
        return names;
    }
}
