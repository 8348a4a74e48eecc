package dev.jumbo.chat.users;

/** chat-service's view of a user: account username, the name they want, and whether Jumbo just asked for it. */
public record ChatUser(String userId, String username, String preferredName, boolean awaitingName) {
}
