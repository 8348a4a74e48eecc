package dev.jumbo.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /api/v1/auth/*}. Unknown fields (such as {@code roles}) are ignored. */
final class AuthRequests {

    private AuthRequests() {
    }

    record Signup(
            @NotBlank @ValidEmail String email,
            @NotBlank @AcceptablePassword String password,
            @Size(min = 1, max = 64) @Pattern(regexp = "^[\\p{L}\\p{N}._\\-+]+$",
                    message = "may contain letters, digits and . _ - + only") String username) {
    }

    record Login(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {
    }

    record RefreshToken(@NotBlank @Size(max = 200) String refreshToken) {
    }
}
