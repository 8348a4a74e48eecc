package dev.jumbo.chat.conversation;

import dev.jumbo.chat.ChatProperties;
import dev.jumbo.chat.engine.ConversationEngine;
import dev.jumbo.chat.engine.Summary;
import dev.jumbo.chat.name.NameDetector;
import dev.jumbo.chat.recall.MemoryRecallClient;
import dev.jumbo.chat.recall.RecallOutcome;
import dev.jumbo.chat.recall.RecallQuestionDetector;
import dev.jumbo.chat.users.ChatUser;
import dev.jumbo.platform.outbox.OutboxEvent;
import dev.jumbo.platform.outbox.OutboxWriter;
import dev.jumbo.platform.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One chat turn: name detection → summarize → recall (for memory questions) → respond → persist the turn and
 * publish {@code message-received} (and {@code preferred-name-stated}) through the outbox, in one transaction.
 */
@Service
public class TurnService {

    private final ConversationStore conversations;
    private final NameDetector names;
    private final RecallQuestionDetector recallQuestions;
    private final MemoryRecallClient memory;
    private final ConversationEngine engine;
    private final OutboxWriter outbox;
    private final TransactionalOperator transactions;
    private final ChatProperties properties;
    private final Timer engineTimer;

    public TurnService(ConversationStore conversations, NameDetector names,
                       RecallQuestionDetector recallQuestions, MemoryRecallClient memory, ConversationEngine engine,
                       OutboxWriter outbox, TransactionalOperator transactions, ChatProperties properties,
                       MeterRegistry meters) {
        this.conversations = conversations;
        this.names = names;
        this.recallQuestions = recallQuestions;
        this.memory = memory;
        this.engine = engine;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.engineTimer = Timer.builder("jumbo.chat.engine").tag("engine", properties.engine())
                .description("Time the engine spends summarising and replying (without recall)").register(meters);
    }

    /** Who is talking: the token's subject and username claim (may be absent), and the token to forward. */
    public record Caller(String userId, String username, String accessToken) {
    }

    /** What a streamed turn sends: reply fragments as they are written, then the stored turn. */
    public sealed interface TurnEvent {

        record Token(String text) implements TurnEvent {
        }

        record Done(Turn turn) implements TurnEvent {
        }
    }

    public Mono<Turn> take(Caller caller, String message, UUID conversationId) {
        return prepare(caller, message, conversationId)
                .flatMap(prepared -> {
                    long replying = System.nanoTime();
                    return engine.respond(prepared.replyRequest())
                            .flatMap(reply -> finish(prepared, reply, replying));
                });
    }

    /** The same turn, its reply streamed as the engine writes it; the turn is stored before {@code Done}. */
    public Flux<TurnEvent> takeStreaming(Caller caller, String message, UUID conversationId) {
        return prepare(caller, message, conversationId)
                .flatMapMany(prepared -> {
                    long replying = System.nanoTime();
                    return engine.respondStreaming(prepared.replyRequest())
                            .concatMap(part -> part instanceof ConversationEngine.Whole whole
                                    ? finish(prepared, whole.reply(), replying).<TurnEvent>map(TurnEvent.Done::new)
                                    : Mono.just(new TurnEvent.Token(((ConversationEngine.Fragment) part).text())));
                });
    }

    /** A turn up to its reply: conversation, name, summary and (for memory questions) recall. */
    private record Prepared(Caller caller, Conversation target, String text, UUID messageId, Instant now,
                            Optional<String> stated, Summary summary, Optional<RecallOutcome> recall,
                            ConversationEngine.ReplyRequest replyRequest, long summarised) {
    }

    private Mono<Prepared> prepare(Caller caller, String message, UUID conversationId) {
        return Mono.defer(() -> {
            String text = MessageText.clean(message);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            UUID messageId = UUID.randomUUID();
            return conversations.turnContext(caller.userId(), caller.username(), conversationId,
                            now.minus(properties.conversationIdle()))
                    .flatMap(context -> {
                        if (context.conversation() == null && conversationId != null) {
                            return Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                                    "No such conversation."));
                        }
                        Conversation target = context.conversation() != null ? context.conversation()
                                : new Conversation(UUID.randomUUID(), now, now, MessageText.title(text));
                        return understand(caller, context.user(), target, text, messageId, now, context.usedSentences());
                    });
        });
    }

    private Mono<Prepared> understand(Caller caller, ChatUser user, Conversation target, String text, UUID messageId,
                                      Instant now, List<String> usedSentences) {
        long started = System.nanoTime();
        Optional<String> stated = names.detect(text, user.awaitingName());
        String name = stated.orElse(user.preferredName());
        boolean recallQuestion = stated.isEmpty() && recallQuestions.isRecallQuestion(text);
        boolean aboutSomeone = stated.isEmpty() && !recallQuestion && recallQuestions.mayAskAboutSomeone(text);
        return engine.summarize(new ConversationEngine.SummaryRequest(text, name, stated.isPresent(), recallQuestion))
                .flatMap(summary -> {
                    long summarised = System.nanoTime() - started;
                    // a question about someone by name uses only what memory found by subject and relation
                    Mono<Optional<RecallOutcome>> recall = !recallQuestion && !aboutSomeone ? Mono.just(Optional.empty())
                            : memory.recall(text, caller.accessToken())
                                    .filter(outcome -> recallQuestion
                                            || outcome instanceof RecallOutcome.Found found && found.byWhatWasAsked())
                                    .map(Optional::of)
                                    .defaultIfEmpty(Optional.empty());
                    return recall.map(outcome -> new Prepared(caller, target, text, messageId, now, stated, summary,
                            outcome, new ConversationEngine.ReplyRequest(messageId, text, summary, name,
                            stated.isPresent(), outcome, new HashSet<>(usedSentences)), summarised));
                });
    }

    private Mono<Turn> finish(Prepared prepared, ConversationEngine.Reply reply, long replying) {
        engineTimer.record(prepared.summarised() + System.nanoTime() - replying, TimeUnit.NANOSECONDS);
        List<Turn.MemoryUsed> memoriesUsed = prepared.recall()
                .filter(RecallOutcome.Found.class::isInstance)
                .map(found -> ((RecallOutcome.Found) found).memories().get(0))
                .map(best -> List.of(new Turn.MemoryUsed(best.id(), best.text())))
                .orElse(List.of());
        Turn turn = new Turn(prepared.target().conversationId(), prepared.messageId(), reply.text(), prepared.summary(),
                prepared.stated().orElse(null), memoriesUsed);
        return uncancellable(persist(prepared.caller().userId(), prepared.target(), prepared.text(), turn, reply,
                prepared.now())).thenReturn(turn);
    }

    /**
     * Once a turn is being stored it is stored, even when the client goes away mid-way (a closed tab, a cancelled
     * stream): a cancelled transaction would otherwise be rolled back at an arbitrary point and can strand its
     * pooled connection. The caller's context (trace) travels along.
     */
    private static Mono<Void> uncancellable(Mono<Void> work) {
        return Mono.deferContextual(context -> Mono.fromFuture(work.contextWrite(context).toFuture(), true));
    }

    private Mono<Void> persist(String userId, Conversation target, String text, Turn turn,
                               ConversationEngine.Reply reply, Instant now) {
        Conversation conversation = new Conversation(target.conversationId(),
                target.startedAt(), now.plus(1, ChronoUnit.MICROS), target.title());
        ConversationStore.NewMessage userMessage = new ConversationStore.NewMessage(turn.messageId(), "user", text,
                turn.summary().mood(), now);
        ConversationStore.NewMessage replyMessage = new ConversationStore.NewMessage(UUID.randomUUID(), "assistant",
                turn.reply(), null, now.plus(1, ChronoUnit.MICROS));
        Instant eventTime = now.truncatedTo(ChronoUnit.MILLIS);
        Mono<Void> nameEvent = turn.preferredName() == null ? Mono.empty()
                : outbox.append(new OutboxEvent(ConversationEvents.TOPIC, ConversationEvents.PREFERRED_NAME_STATED, userId,
                        new ConversationEvents.PreferredNameStated(userId, turn.preferredName(), turn.messageId(), eventTime)))
                .then();
        Mono<Void> work = conversations.storeTurn(conversation, userId, userMessage, replyMessage, reply.sentences(),
                        turn.preferredName())
                .then(outbox.append(new OutboxEvent(ConversationEvents.TOPIC, ConversationEvents.MESSAGE_RECEIVED, userId,
                        new ConversationEvents.MessageReceived(userId, conversation.conversationId(), turn.messageId(),
                                text, turn.summary(), eventTime))))
                .then(nameEvent);
        return transactions.transactional(work);
    }
}
