package dev.jumbo.deployment.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deployable service and what its own configuration says about it: the default of {@code server.port}
 * (and the gateway's management port) from application.yml, and the variables {@code application-<profile>.yml}
 * lists under {@code jumbo.secrets.required}.
 */
public enum JumboService {
    GATEWAY("gateway"),
    AUTH("auth-service"),
    CHAT("chat-service"),
    MEMORY("memory-service"),
    MAINTENANCE("maintenance-service");

    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:(\\d+)}");

    private final String moduleName;

    JumboService(String moduleName) {
        this.moduleName = moduleName;
    }

    public String moduleName() {
        return moduleName;
    }

    public static JumboService byModuleName(String name) {
        return Arrays.stream(values()).filter(s -> s.moduleName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a Jumbo service: " + name));
    }

    public int serverPort() {
        return portDefault(Yamls.string(applicationYml(), "server", "port"), "server.port");
    }

    /** The actuator port: management.server.port when the service sets one, else the server port. */
    public int managementPort() {
        String value = Yamls.string(applicationYml(), "management", "server", "port");
        return value == null ? serverPort() : portDefault(value, "management.server.port");
    }

    /** Variables the service refuses to start without in the given profile (prod, staging). */
    public Set<String> requiredVariables(String profile) {
        Map<String, Object> yaml = Yamls.load(Repository.read(moduleName + "/src/main/resources/application-" + profile + ".yml"));
        List<Object> required = Yamls.list(yaml, "jumbo", "secrets", "required");
        return Set.copyOf(required.stream().map(Object::toString).toList());
    }

    private Map<String, Object> applicationYml() {
        return Yamls.load(Repository.read(moduleName + "/src/main/resources/application.yml"));
    }

    private int portDefault(String value, String property) {
        if (value == null) {
            throw new IllegalStateException(moduleName + " sets no " + property);
        }
        Matcher matcher = PLACEHOLDER_DEFAULT.matcher(value);
        return Integer.parseInt(matcher.matches() ? matcher.group(1) : value);
    }
}
