package dev.jumbo.chat.conversation;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Sending a message: the whole turn at once, or streamed as server-sent events. */
@RestController
@RequestMapping("/api/v1/chat/messages")
class ChatController {

    private final TurnService turns;
    private final JsonMapper json;

    ChatController(TurnService turns, JsonMapper json) {
        this.turns = turns;
        this.json = json;
    }

    @PostMapping
    Mono<Turn> send(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChatMessageRequest request) {
        return turns.take(caller(jwt), request.message(), request.conversationId());
    }

    /**
     * The reply as the engine writes it ({@code token} events: fragments whose concatenation is the reply), then
     * the stored turn ({@code done}), whose {@code reply} is authoritative.
     */
    @PostMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> stream(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChatMessageRequest request) {
        return SseFragments.withoutLeadingSpaces(turns.takeStreaming(caller(jwt), request.message(), request.conversationId()))
                .map(event -> event instanceof TurnService.TurnEvent.Token token
                        ? ServerSentEvent.builder(token.text()).event("token").build()
                        : ServerSentEvent.builder(json.writeValueAsString(((TurnService.TurnEvent.Done) event).turn()))
                                .event("done").build());
    }

    static TurnService.Caller caller(Jwt jwt) {
        return new TurnService.Caller(jwt.getSubject(), jwt.getClaimAsString("username"), jwt.getTokenValue());
    }
}
