package dev.jumbo.gateway.browser;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which browser origins other than the gateway's own may call the API ({@code jumbo.gateway.cors}). None by
 * default: the web client is served from the gateway itself; the {@code dev} profile adds the Vite dev server.
 *
 * @param allowedOrigins exact origins ({@code https://app.example.com}); empty means no cross-origin caller
 * @param allowedMethods methods a cross-origin caller may use
 * @param allowedHeaders request headers a cross-origin caller may send
 * @param exposedHeaders response headers its script may read
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("jumbo.gateway.cors")
public record CorsProperties(
        @NotNull @DefaultValue({}) List<String> allowedOrigins,
        @NotEmpty @DefaultValue({"GET", "POST", "PATCH", "DELETE"}) List<String> allowedMethods,
        @NotEmpty @DefaultValue({"Authorization", "Content-Type", "Accept", "X-Request-Id", "traceparent"})
        List<String> allowedHeaders,
        @NotNull @DefaultValue({"X-Request-Id", "traceparent", "Retry-After", "X-RateLimit-Remaining", "Location"})
        List<String> exposedHeaders,
        @NotNull @DefaultValue("1h") Duration maxAge) {

    public CorsProperties {
        if (allowedOrigins != null && allowedOrigins.stream().anyMatch("*"::equals)) {
            throw new IllegalArgumentException("jumbo.gateway.cors.allowed-origins must list origins, not '*'");
        }
    }
}
