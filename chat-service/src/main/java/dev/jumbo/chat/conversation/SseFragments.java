package dev.jumbo.chat.conversation;

import reactor.core.publisher.Flux;

/**
 * Re-cuts reply fragments so that none starts with a space: an SSE parser eats one space after {@code data:},
 * and models write most words as " word". Leading spaces move to the end of the fragment before (one fragment
 * is held back); the concatenation of the fragments stays the reply.
 */
final class SseFragments {

    private SseFragments() {
    }

    static Flux<TurnService.TurnEvent> withoutLeadingSpaces(Flux<TurnService.TurnEvent> events) {
        return Flux.defer(() -> {
            StringBuilder held = new StringBuilder();
            return events.concatMap(event -> {
                if (!(event instanceof TurnService.TurnEvent.Token token)) {
                    String rest = held.toString();
                    held.setLength(0);
                    return rest.isEmpty() ? Flux.just(event) : Flux.just(new TurnService.TurnEvent.Token(rest), event);
                }
                String text = token.text();
                if (held.isEmpty()) {
                    held.append(text.stripLeading()); // the reply's own leading space is not part of it
                    return Flux.empty();
                }
                int lead = 0;
                while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
                    lead++;
                }
                if (lead == text.length()) {
                    held.append(text);
                    return Flux.empty();
                }
                String ready = held.append(text, 0, lead).toString();
                held.setLength(0);
                held.append(text, lead, text.length());
                return Flux.just(new TurnService.TurnEvent.Token(ready));
            });
        });
    }
}
