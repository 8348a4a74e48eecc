package dev.jumbo.gateway.security;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request headers that claim an identity and are removed before routing ({@code jumbo.gateway.identity-headers}):
 * a service must never learn who the caller is from a header a client can set. Names are case-insensitive;
 * a trailing {@code *} matches any suffix.
 *
 * @param strip names or prefixes ({@code X-Auth-*}) of the headers to remove
 */
@Validated
@ConfigurationProperties("jumbo.gateway.identity-headers")
public record IdentityHeadersProperties(
        @NotEmpty @DefaultValue({"X-User-*", "X-Forwarded-User", "X-Forwarded-Email", "X-Forwarded-Preferred-Username",
                "X-Auth-*", "X-Authenticated-*", "X-Remote-User", "Remote-User", "X-Roles", "X-Jumbo-User*"})
        List<String> strip) {
}
