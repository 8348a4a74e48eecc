package dev.jumbo.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints one clear message naming every missing secret instead of a stack trace. */
public class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + String.join(", ", cause.missing()) + " (in Kubernetes from a Secret; locally in the .env file).",
                cause);
    }
}
