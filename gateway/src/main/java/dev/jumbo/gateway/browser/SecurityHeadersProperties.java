package dev.jumbo.gateway.browser;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The security headers on every answer of the public port ({@code jumbo.gateway.security-headers}).
 *
 * @param contentSecurityPolicy fits the Vite-built React client served from the gateway's own origin
 * @param referrerPolicy {@code Referrer-Policy}
 * @param frameOptions {@code X-Frame-Options}
 * @param hsts whether to send {@code Strict-Transport-Security} (on in {@code prod}, where TLS ends in front
 *        of the gateway; off elsewhere, so a developer's {@code http://localhost} is not pinned to HTTPS)
 * @param hstsValue the {@code Strict-Transport-Security} value
 */
@Validated
@ConfigurationProperties("jumbo.gateway.security-headers")
public record SecurityHeadersProperties(
        @NotBlank @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
        String contentSecurityPolicy,
        @NotBlank @DefaultValue("no-referrer") String referrerPolicy,
        @NotBlank @DefaultValue("DENY") String frameOptions,
        @DefaultValue("false") boolean hsts,
        @NotBlank @DefaultValue("max-age=31536000; includeSubDomains") String hstsValue) {
}
