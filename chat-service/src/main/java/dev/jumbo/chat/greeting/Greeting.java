package dev.jumbo.chat.greeting;

/** {@code GET /api/v1/chat/greeting}: the opening line, and whether Jumbo is asking what to call the user. */
public record Greeting(String message, boolean needsName) {
}
