package dev.jumbo.auth.account;

import java.util.UUID;

/** What signup, login and refresh answer. */
public record Tokens(UUID userId, String username, String accessToken, String refreshToken, String tokenType,
                     long expiresIn) {

    public static Tokens bearer(UUID userId, String username, String accessToken, String refreshToken, long expiresIn) {
        return new Tokens(userId, username, accessToken, refreshToken, "Bearer", expiresIn);
    }
}
