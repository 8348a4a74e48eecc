package dev.jumbo.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTests {

    @ParameterizedTest
    @CsvSource({
            "'  John.Doe@Example.COM ', John.Doe@example.com, john.doe@example.com, John.Doe",
            "harsha+jumbo@mail.example.org, harsha+jumbo@mail.example.org, harsha+jumbo@mail.example.org, harsha+jumbo",
            "ZOË@Exämple.de, ZOË@exämple.de, zoë@exämple.de, ZOË"})
    void shouldTrimAndLowerCaseDomainWhenParsed(String raw, String value, String key, String localPart) {
        EmailAddress email = EmailAddress.parse(raw).orElseThrow();

        assertThat(email.value()).isEqualTo(value);
        assertThat(email.key()).isEqualTo(key);
        assertThat(email.localPart()).isEqualTo(localPart);
    }

    @Test
    void shouldShareKeyWhenAddressesDifferOnlyInCase() {
        assertThat(EmailAddress.parse("Jane@Example.com").orElseThrow().key())
                .isEqualTo(EmailAddress.parse("jane@example.COM").orElseThrow().key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "plainaddress", "@example.com", "john@", "john@example", "john@@example.com",
            "john doe@example.com", "john@exa mple.com", ".john@example.com", "john..doe@example.com",
            "john@-example.com", "john@example.c"})
    void shouldRejectWhenNotAnEmailAddress(String raw) {
        assertThat(EmailAddress.parse(raw)).isEmpty();
    }

    @Test
    void shouldRejectWhenNullOrTooLong() {
        assertThat(EmailAddress.parse(null)).isEmpty();
        assertThat(EmailAddress.parse("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com")).isEmpty();
    }
}
