package dev.jumbo.chat.conversation;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Everything chat-service holds of the caller, for auth-service's profile export (not routed by the gateway). */
@RestController
class ExportController {

    private final ConversationStore store;

    ExportController(ConversationStore store) {
        this.store = store;
    }

    record Export(List<ExportedConversation> conversations) {
    }

    record ExportedConversation(UUID conversationId, Instant startedAt, Instant lastMessageAt, String title,
                                List<ChatMessage> messages) {
    }

    @GetMapping("/internal/v1/export")
    Mono<Export> export(Principal principal) {
        return store.allOf(principal.getName())
                .concatMap(conversation -> store.allMessages(conversation.conversationId()).collectList()
                        .map(messages -> new ExportedConversation(conversation.conversationId(), conversation.startedAt(),
                                conversation.lastMessageAt(), conversation.title(), messages)))
                .collectList()
                .map(Export::new);
    }
}
