package dev.jumbo.auth.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreferredNameTests {

    @ParameterizedTest
    @ValueSource(strings = {"Harsha", "Jean-Luc", "O'Brien", "Dr. Ng", "Zoë", "José María", "हर्ष", "Ольга", "李小龙",
            "محمد", "Nguyễn Văn An", "A"})
    void shouldAcceptLettersOfAnyScriptWhenCleaned(String name) {
        assertThat(PreferredName.clean(name)).hasValue(name);
    }

    @Test
    void shouldAcceptCombiningMarksWhenNameIsDecomposed() {
        String decomposed = Normalizer.normalize("Zoë", Normalizer.Form.NFD);

        assertThat(PreferredName.clean(decomposed)).hasValue(decomposed);
    }

    @Test
    void shouldTrimAndCollapseSpacesWhenCleaned() {
        assertThat(PreferredName.clean("  Mary   Ann ")).hasValue("Mary Ann");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "R2D2", "Bob!", "<script>", "a_b", "John\nDoe", "...", "-'", "😀", "Ann\tLee"})
    void shouldRejectWhenNotMadeOfLettersSpacesAndPunctuationAllowed(String name) {
        assertThat(PreferredName.clean(name)).isEmpty();
    }

    @Test
    void shouldRejectWhenLongerThanFiftyCharacters() {
        assertThat(PreferredName.clean("a".repeat(50))).isPresent();
        assertThat(PreferredName.clean("a".repeat(51))).isEmpty();
        assertThat(PreferredName.clean(null)).isEmpty();
    }
}
