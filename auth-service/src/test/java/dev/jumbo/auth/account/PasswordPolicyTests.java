package dev.jumbo.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void shouldShipAFewThousandCommonPasswordsWhenLoaded() {
        assertThat(policy.size()).isGreaterThan(3000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"violet-Harbour-7-kites", "correct horse battery staple", "Tr0ub4dor&3x", "日本語のパスワードです"})
    void shouldAcceptWhenLongAndUncommon(String password) {
        assertThat(policy.problem(password)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "1234567", "pässwö", ""})
    void shouldRejectWhenShorterThanEightCharacters(String password) {
        assertThat(policy.problem(password)).isPresent();
    }

    @Test
    void shouldCountCharactersNotBytesWhenMeasuringLength() {
        assertThat(policy.problem("日本語のパスワ")).hasValue("must be at least 8 characters long");
        assertThat(policy.problem("😀😀😀😀😀😀😀😀")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "Password1", "PASSWORD123", "qwerty123", "iloveyou", "12345678", "sunshine1",
            "football2024", "p@ssw0rd", "1q2w3e4r", "michael123", "letmein!", "abc12345", "11111111"})
    void shouldRejectWhenCommonlyUsedInAnyCase(String password) {
        assertThat(policy.problem(password)).hasValueSatisfying(problem -> assertThat(problem).contains("commonly used"));
    }

    @Test
    void shouldRejectWhenAbsurdlyLong() {
        assertThat(policy.problem("x".repeat(129))).isPresent();
        assertThat(policy.problem(null)).isPresent();
    }
}
