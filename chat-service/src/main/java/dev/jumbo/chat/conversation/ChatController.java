package dev.jumbo.chat.conversation;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
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

    /** The turn is taken (and stored) once; its reply is then sent word by word, and the turn itself last. */
    @PostMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> stream(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChatMessageRequest request) {
        return turns.take(caller(jwt), request.message(), request.conversationId())
                .flatMapMany(turn -> Flux.fromIterable(fragments(turn.reply()))
                        .map(fragment -> ServerSentEvent.builder(fragment).event("token").build())
                        .concatWith(Mono.fromCallable(() -> ServerSentEvent.builder(json.writeValueAsString(turn))
                                .event("done").build())));
    }

    /**
     * Words with the space after them, so that concatenating the fragments gives the reply back (a space after
     * {@code data:} would be eaten by SSE parsers, a trailing one is kept).
     */
    static List<String> fragments(String reply) {
        List<String> fragments = new ArrayList<>();
        String[] words = reply.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            fragments.add(i == words.length - 1 ? words[i] : words[i] + " ");
        }
        return fragments;
    }

    static TurnService.Caller caller(Jwt jwt) {
        return new TurnService.Caller(jwt.getSubject(), jwt.getClaimAsString("username"), jwt.getTokenValue());
    }
}
