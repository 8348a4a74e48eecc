package dev.jumbo.deployment.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A docker-compose env file (KEY=value lines, # comments). */
public record EnvFile(String name, Map<String, String> variables) {

    public static EnvFile read(String relativePath) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Repository.read(relativePath).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 1) {
                throw new IllegalStateException(relativePath + ": not KEY=value: " + line);
            }
            variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return new EnvFile(relativePath, variables);
    }

    /** Secret values of every env file the project ships: none may ever appear in a ConfigMap. */
    public static Set<String> secretValuesOfAllEnvFiles() {
        return java.util.stream.Stream.of(".env.development", ".env.testing", ".env.staging", ".env.production.example")
                .map(EnvFile::read)
                .flatMap(env -> env.secretValues().stream())
                .collect(Collectors.toSet());
    }

    /** The non-empty values of secret variables. */
    public Set<String> secretValues() {
        return variables.entrySet().stream()
                .filter(e -> KubernetesChecks.SECRET_NAME.matcher(e.getKey()).matches())
                .map(Map.Entry::getValue)
                .filter(v -> !v.isBlank())
                .collect(Collectors.toSet());
    }
}
