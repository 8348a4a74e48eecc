package dev.jumbo.chat.conversation;

import dev.jumbo.chat.engine.Mood;
import dev.jumbo.chat.users.ChatUser;
import dev.jumbo.chat.users.ChatUsers;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Conversations, messages and the sentences already said, in the {@code chat} schema. */
@Repository
public class ConversationStore {

    private final DatabaseClient database;
    private final JsonMapper json;

    public ConversationStore(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** One message to store. */
    record NewMessage(UUID id, String role, String text, Mood mood, Instant createdAt) {
    }

    /**
     * What a turn needs to know, in one round trip: the user (created from the token when unknown), the
     * conversation to continue (the given one if the user owns it, else the latest active one) and the
     * sentences already said in it. Read twice when an account event created the user at the same moment
     * ({@link ChatUsers#onceMore}).
     */
    record TurnContext(ChatUser user, Conversation conversation, List<String> usedSentences) {
    }

    public Mono<TurnContext> turnContext(String userId, String usernameFromToken, UUID conversationId, Instant activeSince) {
        String conversationFilter = conversationId == null
                ? "last_message_at > :since ORDER BY last_message_at DESC, id DESC LIMIT 1"
                : "id = :conversationId";
        var spec = database.sql("""
                        WITH created AS (
                            INSERT INTO users (user_id, username) VALUES (:userId, :username)
                            ON CONFLICT (user_id) DO NOTHING
                            RETURNING user_id, username, preferred_name, awaiting_name),
                        me AS (
                            SELECT * FROM created
                            UNION ALL
                            SELECT user_id, username, preferred_name, awaiting_name FROM users WHERE user_id = :userId),
                        target AS (SELECT * FROM conversations WHERE user_id = :userId AND %s)
                        SELECT me.*, t.id, t.title, t.started_at, t.last_message_at,
                               (SELECT array_agg(sentence) FROM reply_sentences s WHERE s.conversation_id = t.id) AS used
                        FROM me LEFT JOIN target t ON TRUE LIMIT 1""".formatted(conversationFilter))
                .bind("userId", userId)
                .bind("username", usernameFromToken == null ? "" : usernameFromToken);
        spec = conversationId == null ? spec.bind("since", utc(activeSince)) : spec.bind("conversationId", conversationId);
        return ChatUsers.onceMore(spec.map(row -> {
            String username = row.get("username", String.class);
            ChatUser user = new ChatUser(row.get("user_id", String.class), username == null || username.isBlank() ? null : username,
                    row.get("preferred_name", String.class), Boolean.TRUE.equals(row.get("awaiting_name", Boolean.class)));
            Conversation conversation = row.get("id", UUID.class) == null ? null : conversation(row);
            String[] used = row.get("used", String[].class);
            return new TurnContext(user, conversation, used == null ? List.of() : List.of(used));
        }).one(), userId);
    }

    /**
     * Stores a turn in one statement: the conversation (created, or its last-message time moved), the user's
     * message and the reply, the reply's sentences, and the user's name state. Part of the turn's transaction.
     */
    public Mono<Void> storeTurn(Conversation conversation, String userId, NewMessage userMessage, NewMessage reply,
                                List<String> sentences, String statedName) {
        var spec = database.sql("""
                        WITH conversation AS (
                            INSERT INTO conversations (id, user_id, title, started_at, last_message_at)
                            VALUES (:conversationId, :userId, :title, :startedAt, :lastMessageAt)
                            ON CONFLICT (id) DO UPDATE SET last_message_at = EXCLUDED.last_message_at
                            RETURNING id),
                        stored AS (
                            INSERT INTO messages (id, conversation_id, user_id, role, text, mood, created_at)
                            SELECT m.id, conversation.id, :userId, m.role, m.text, m.mood, m.created_at
                            FROM conversation, (VALUES
                                (CAST(:userMessageId AS UUID), 'user', CAST(:userText AS TEXT), CAST(:mood AS TEXT),
                                 CAST(:userAt AS TIMESTAMPTZ), 1),
                                (CAST(:replyId AS UUID), 'assistant', CAST(:replyText AS TEXT), NULL, CAST(:replyAt AS TIMESTAMPTZ), 2))
                                AS m (id, role, text, mood, created_at, ord)
                            ORDER BY m.ord),
                        said AS (
                            INSERT INTO reply_sentences (conversation_id, sentence)
                            SELECT conversation.id, unnest(CAST(:sentences AS TEXT[])) FROM conversation
                            ON CONFLICT DO NOTHING)
                        UPDATE users SET preferred_name = COALESCE(CAST(:name AS TEXT), preferred_name),
                                         awaiting_name = FALSE, updated_at = now()
                        WHERE user_id = :userId AND (awaiting_name OR CAST(:name AS TEXT) IS NOT NULL)""")
                .bind("conversationId", conversation.conversationId())
                .bind("userId", userId)
                .bind("title", conversation.title())
                .bind("startedAt", utc(conversation.startedAt()))
                .bind("lastMessageAt", utc(conversation.lastMessageAt()))
                .bind("userMessageId", userMessage.id())
                .bind("userText", userMessage.text())
                .bind("userAt", utc(userMessage.createdAt()))
                .bind("replyId", reply.id())
                .bind("replyText", reply.text())
                .bind("replyAt", utc(reply.createdAt()))
                .bind("sentences", sentences.toArray(String[]::new));
        spec = userMessage.mood() == null ? spec.bindNull("mood", String.class)
                : spec.bind("mood", json.writeValueAsString(userMessage.mood()));
        spec = statedName == null ? spec.bindNull("name", String.class) : spec.bind("name", statedName);
        return spec.then();
    }

    public Mono<Conversation> findOwned(UUID conversationId, String userId) {
        return database.sql("SELECT * FROM conversations WHERE id = :id AND user_id = :userId")
                .bind("id", conversationId).bind("userId", userId)
                .map(ConversationStore::conversation).one();
    }

    /** Newest first, after the cursor position if given; {@code limit + 1} rows tell whether a next page exists. */
    public Flux<Conversation> list(String userId, Cursors.ConversationPosition after, int limit) {
        String sql = after == null
                ? "SELECT * FROM conversations WHERE user_id = :userId ORDER BY last_message_at DESC, id DESC LIMIT :limit"
                : """
                  SELECT * FROM conversations WHERE user_id = :userId AND (last_message_at, id) < (:at, :id)
                  ORDER BY last_message_at DESC, id DESC LIMIT :limit""";
        var spec = database.sql(sql).bind("userId", userId).bind("limit", limit);
        if (after != null) {
            spec = spec.bind("at", utc(after.lastMessageAt())).bind("id", after.id());
        }
        return spec.map(ConversationStore::conversation).all();
    }

    /** Messages of a conversation oldest first, after sequence {@code afterSeq}, with their sequence numbers. */
    public Flux<Sequenced> messages(UUID conversationId, long afterSeq, int limit) {
        return database.sql("""
                        SELECT seq, id, role, text, mood, created_at FROM messages
                        WHERE conversation_id = :id AND seq > :after ORDER BY seq LIMIT :limit""")
                .bind("id", conversationId).bind("after", afterSeq).bind("limit", limit)
                .map(row -> new Sequenced(row.get("seq", Long.class), message(row))).all();
    }

    record Sequenced(long seq, ChatMessage message) {
    }

    public Mono<Long> delete(UUID conversationId, String userId) {
        return database.sql("DELETE FROM conversations WHERE id = :id AND user_id = :userId")
                .bind("id", conversationId).bind("userId", userId).fetch().rowsUpdated();
    }

    /** Everything of a user, for erasure: conversations (their messages and sentences cascade). */
    public Mono<Long> deleteAllOf(String userId) {
        return database.sql("DELETE FROM conversations WHERE user_id = :userId").bind("userId", userId)
                .fetch().rowsUpdated();
    }

    public Flux<Conversation> allOf(String userId) {
        return database.sql("SELECT * FROM conversations WHERE user_id = :userId ORDER BY started_at, id")
                .bind("userId", userId).map(ConversationStore::conversation).all();
    }

    public Flux<ChatMessage> allMessages(UUID conversationId) {
        return database.sql("SELECT id, role, text, mood, created_at FROM messages WHERE conversation_id = :id ORDER BY seq")
                .bind("id", conversationId).map(this::message).all();
    }

    private ChatMessage message(Readable row) {
        String mood = row.get("mood", String.class);
        return new ChatMessage(row.get("id", UUID.class), row.get("role", String.class), row.get("text", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                mood == null ? null : json.readValue(mood, Mood.class));
    }

    private static Conversation conversation(Readable row) {
        return new Conversation(row.get("id", UUID.class), row.get("started_at", OffsetDateTime.class).toInstant(),
                row.get("last_message_at", OffsetDateTime.class).toInstant(), row.get("title", String.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
