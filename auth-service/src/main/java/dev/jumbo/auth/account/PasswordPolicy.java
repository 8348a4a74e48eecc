package dev.jumbo.auth.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;

/**
 * Which passwords a new account may use: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}
 * (hashing cost is bounded), and not one of the commonly used passwords shipped in
 * {@code security/common-passwords.txt} (compared ignoring case).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private static final PasswordPolicy DEFAULT = new PasswordPolicy(load("security/common-passwords.txt"));

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    public static PasswordPolicy standard() {
        return DEFAULT;
    }

    /** Why {@code password} is not acceptable, or empty when it is. */
    public Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("is too commonly used; choose a less predictable password");
        }
        return Optional.empty();
    }

    int size() {
        return common.size();
    }

    private static Set<String> load(String resource) {
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return Set.copyOf(passwords);
    }
}
