package dev.jumbo.auth.account;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Roles of an account: everyone is a {@code user}; {@code admin} comes only from configuration, never from a
 * request, and is decided each time tokens are issued.
 */
public class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private final Set<String> adminKeys;

    public Roles(AccountProperties properties) {
        this.adminKeys = properties.adminEmails().stream()
                .map(raw -> EmailAddress.parse(raw).map(EmailAddress::key).orElse(raw.toLowerCase()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public List<String> of(String email) {
        return EmailAddress.parse(email).map(EmailAddress::key).filter(adminKeys::contains).isPresent()
                ? List.of(USER, ADMIN) : List.of(USER);
    }
}
