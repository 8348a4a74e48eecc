package dev.jumbo.platform.config;

import java.util.List;

/** Startup stops: secrets that this environment requires are not set. */
public class MissingSecretsException extends IllegalStateException {

    private final List<String> missing;

    public MissingSecretsException(List<String> missing, List<String> profiles) {
        super("Missing required secrets for profile(s) " + String.join(",", profiles) + ": " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
