package dev.jumbo.auth.account;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminEmails accounts with these emails get the role {@code admin} ({@code JUMBO_ADMIN_EMAILS},
 *                    comma-separated); read when tokens are issued, so a change applies at the next login or refresh
 */
@Validated
@ConfigurationProperties("jumbo.auth")
public record AccountProperties(List<String> adminEmails) {

    public AccountProperties {
        adminEmails = adminEmails == null ? List.of()
                : adminEmails.stream().filter(email -> email != null && !email.isBlank()).map(String::strip).toList();
    }
}
