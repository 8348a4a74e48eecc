package dev.jumbo.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RolesTests {

    private final Roles roles = new Roles(new AccountProperties(List.of(" Boss@Example.COM ", "", "ops@example.org")));

    @Test
    void shouldGrantAdminWhenEmailIsConfiguredInAnyCase() {
        assertThat(roles.of("boss@example.com")).containsExactly("user", "admin");
        assertThat(roles.of("BOSS@example.com")).containsExactly("user", "admin");
        assertThat(roles.of("ops@EXAMPLE.org")).containsExactly("user", "admin");
    }

    @Test
    void shouldGrantOnlyUserWhenEmailIsNotConfigured() {
        assertThat(roles.of("boss@example.co")).containsExactly("user");
        assertThat(roles.of("someone@example.com")).containsExactly("user");
        assertThat(new Roles(new AccountProperties(null)).of("boss@example.com")).containsExactly("user");
    }
}
