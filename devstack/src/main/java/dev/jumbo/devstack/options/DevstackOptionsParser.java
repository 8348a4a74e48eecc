package dev.jumbo.devstack.options;

import dev.jumbo.devstack.service.JumboService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns {@code --flag value}, {@code --flag=value} and {@code JUMBO_*} variables into {@link DevstackOptions}. */
final class DevstackOptionsParser {

    private static final Pattern HEAP_SIZE = Pattern.compile("\\d+[kKmMgG]?");
    private static final Pattern TIMEOUT = Pattern.compile("(\\d+)([sm]?)");

    private static final String HOME = "--home";
    private static final String DB_PORT = "--db-port";
    private static final String KAFKA_PORT = "--kafka-port";
    private static final String REDIS_PORT = "--redis-port";
    private static final String HEAP = "--heap";
    private static final String KAFKA_HEAP = "--kafka-heap";
    private static final String JVM_OPTS = "--jvm-opts";
    private static final String CDS = "--cds";
    private static final String TIMEOUT_FLAG = "--timeout";
    private static final String SKIP = "--skip";

    /** Every flag that takes a value, and the environment variable it falls back to. */
    private static final Map<String, String> VARIABLE_OF_FLAG = variablesOfFlags();

    private final Map<String, String> environment;
    private final Path workingDirectory;

    DevstackOptionsParser(Map<String, String> environment, Path workingDirectory) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    DevstackOptions parse(List<String> args) {
        Map<String, String> flags = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
                continue;
            }
            String flag = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                flag = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!VARIABLE_OF_FLAG.containsKey(flag)) {
                throw new InvalidOptionException("Unknown option: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new InvalidOptionException(flag + " needs a value");
                }
                value = args.get(++i);
            }
            flags.put(flag, value);
        }

        Map<JumboService, Integer> servicePorts = new EnumMap<>(JumboService.class);
        Map<JumboService, Integer> managementPorts = new EnumMap<>(JumboService.class);
        for (JumboService service : JumboService.values()) {
            servicePorts.put(service, port(flags, portFlagOf(service), service.defaultPort()));
            service.managementPort().ifPresent(management -> managementPorts.put(service,
                    port(flags, managementPortFlagOf(service), management.defaultPort())));
        }
        return new DevstackOptions(
                value(flags, HOME).map(this::resolve).orElse(workingDirectory),
                servicePorts,
                managementPorts,
                port(flags, DB_PORT, DevstackOptions.DEFAULT_POSTGRES_PORT),
                port(flags, KAFKA_PORT, DevstackOptions.DEFAULT_KAFKA_PORT),
                port(flags, REDIS_PORT, DevstackOptions.DEFAULT_REDIS_PORT),
                heap(flags, HEAP, DevstackOptions.DEFAULT_SERVICE_HEAP),
                heap(flags, KAFKA_HEAP, DevstackOptions.DEFAULT_KAFKA_HEAP),
                value(flags, JVM_OPTS).map(opts -> List.of(opts.trim().split("\\s+"))).orElse(List.of()),
                bool(flags, CDS, false),
                timeout(flags),
                skipped(flags),
                help);
    }

    private Path resolve(String path) {
        return workingDirectory.resolve(path);
    }

    /** The flag's value, else its variable's value; blank counts as absent. */
    private Optional<String> value(Map<String, String> flags, String flag) {
        String value = flags.containsKey(flag) ? flags.get(flag) : environment.get(VARIABLE_OF_FLAG.get(flag));
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    private int port(Map<String, String> flags, String flag, int defaultPort) {
        return value(flags, flag).map(text -> {
            try {
                int port = Integer.parseInt(text);
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(flag, text, "a port number between 0 and 65535");
        }).orElse(defaultPort);
    }

    private String heap(Map<String, String> flags, String flag, String defaultHeap) {
        return value(flags, flag).map(text -> {
            if (!HEAP_SIZE.matcher(text).matches()) {
                throw invalid(flag, text, "a JVM heap size such as 384m or 1g");
            }
            return text;
        }).orElse(defaultHeap);
    }

    private boolean bool(Map<String, String> flags, String flag, boolean defaultValue) {
        return value(flags, flag).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(flag, text, "true or false");
        }).orElse(defaultValue);
    }

    private Duration timeout(Map<String, String> flags) {
        return value(flags, TIMEOUT_FLAG).map(text -> {
            Matcher matcher = TIMEOUT.matcher(text);
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                Duration timeout = matcher.group(2).equals("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
                if (!timeout.isZero()) {
                    return timeout;
                }
            }
            throw invalid(TIMEOUT_FLAG, text, "a positive number of seconds, such as 180, 90s or 3m");
        }).orElse(DevstackOptions.DEFAULT_READINESS_TIMEOUT);
    }

    private Set<JumboService> skipped(Map<String, String> flags) {
        Set<JumboService> skipped = EnumSet.noneOf(JumboService.class);
        value(flags, SKIP).ifPresent(list -> Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .forEach(name -> skipped.add(JumboService.byName(name)
                        .orElseThrow(() -> invalid(SKIP, name, "one of gateway, auth, chat, memory, maintenance")))));
        return skipped;
    }

    private InvalidOptionException invalid(String flag, String value, String expected) {
        return new InvalidOptionException("Invalid value '%s' for %s (or %s): expected %s"
                .formatted(value, flag, VARIABLE_OF_FLAG.get(flag), expected));
    }

    private static String portFlagOf(JumboService service) {
        return "--" + service.shortName() + "-port";
    }

    private static String managementPortFlagOf(JumboService service) {
        return "--" + service.shortName() + "-management-port";
    }

    private static Map<String, String> variablesOfFlags() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(HOME, "JUMBO_HOME");
        for (JumboService service : JumboService.values()) {
            variables.put(portFlagOf(service), service.portVariable());
            service.managementPort().ifPresent(management ->
                    variables.put(managementPortFlagOf(service), management.variable()));
        }
        variables.put(DB_PORT, "JUMBO_DB_PORT");
        variables.put(KAFKA_PORT, "JUMBO_KAFKA_PORT");
        variables.put(REDIS_PORT, "JUMBO_REDIS_PORT");
        variables.put(HEAP, "JUMBO_SERVICE_HEAP");
        variables.put(KAFKA_HEAP, "JUMBO_KAFKA_HEAP");
        variables.put(JVM_OPTS, "JUMBO_SERVICE_JVM_OPTS");
        variables.put(CDS, "JUMBO_CDS");
        variables.put(TIMEOUT_FLAG, "JUMBO_READY_TIMEOUT");
        variables.put(SKIP, "JUMBO_SKIP_SERVICES");
        return Map.copyOf(variables);
    }
}
