package dev.jumbo.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class SseFragmentsTests {

    @Test
    void shouldMoveLeadingSpacesToFragmentBeforeWhenModelWritesSpaceFirstTokens() {
        List<TurnService.TurnEvent> events = SseFragments.withoutLeadingSpaces(Flux.just(
                        token(" Hel"), token("lo"), token(" there"), token(" "), token(" friend"), token("!"),
                        new TurnService.TurnEvent.Done(null)))
                .collectList().block();

        List<String> tokens = events.stream().filter(TurnService.TurnEvent.Token.class::isInstance)
                .map(event -> ((TurnService.TurnEvent.Token) event).text()).toList();
        assertThat(tokens).noneMatch(token -> token.startsWith(" ") || token.isEmpty());
        assertThat(String.join("", tokens)).isEqualTo("Hello there  friend!");
        assertThat(events.get(events.size() - 1)).isInstanceOf(TurnService.TurnEvent.Done.class);
    }

    private static TurnService.TurnEvent token(String text) {
        return new TurnService.TurnEvent.Token(text);
    }
}
