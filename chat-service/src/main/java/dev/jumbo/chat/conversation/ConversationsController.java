package dev.jumbo.chat.conversation;

import dev.jumbo.platform.web.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The user's conversations and their messages; another user's conversation does not exist (404). */
@RestController
@RequestMapping("/api/v1/chat/conversations")
class ConversationsController {

    private final ConversationStore store;

    ConversationsController(ConversationStore store) {
        this.store = store;
    }

    @GetMapping
    Mono<Page<Conversation>> list(Principal principal,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                  @RequestParam(required = false) String cursor) {
        Cursors.ConversationPosition after = cursor == null || cursor.isBlank() ? null : Cursors.conversation(cursor);
        return store.list(principal.getName(), after, limit + 1).collectList().map(rows -> {
            List<Conversation> items = rows.size() > limit ? rows.subList(0, limit) : rows;
            return new Page<>(items, rows.size() > limit ? Cursors.ofConversation(items.get(items.size() - 1)) : null);
        });
    }

    @GetMapping("/{id}/messages")
    Mono<Page<ChatMessage>> messages(Principal principal, @PathVariable UUID id,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                     @RequestParam(required = false) String cursor) {
        long after = cursor == null || cursor.isBlank() ? 0 : Cursors.sequence(cursor);
        return store.findOwned(id, principal.getName())
                .switchIfEmpty(Mono.error(ConversationsController::notFound))
                .flatMap(conversation -> store.messages(id, after, limit + 1).collectList())
                .map(rows -> {
                    List<ConversationStore.Sequenced> items = rows.size() > limit ? rows.subList(0, limit) : rows;
                    String next = rows.size() > limit ? Cursors.ofSequence(items.get(items.size() - 1).seq()) : null;
                    return new Page<>(items.stream().map(ConversationStore.Sequenced::message).toList(), next);
                });
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(Principal principal, @PathVariable UUID id) {
        return store.delete(id, principal.getName())
                .flatMap(deleted -> deleted == 0 ? Mono.error(notFound()) : Mono.just(ResponseEntity.noContent().<Void>build()));
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such conversation.");
    }
}
