package dev.jumbo.auth.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as auth-service keeps it: trimmed, domain in lower case, the local part as typed.
 * Uniqueness and look-ups ignore case for the whole address ({@link #key()}), because users type their
 * address in whatever case and mail providers treat it case-insensitively in practice.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    // Pragmatic shape check: one @, no whitespace, a dotted domain of letters, digits and hyphens.
    private static final Pattern SHAPE = Pattern.compile(
            "^[^\\s@\"(),:;<>\\[\\]\\\\]{1,64}@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,63}$");

    /** Normalises {@code raw}; empty when it is not a usable email address. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_LENGTH || !SHAPE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        int at = trimmed.lastIndexOf('@');
        String local = trimmed.substring(0, at);
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(local + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT)));
    }

    /** The case-insensitive identity of the address, used for uniqueness, look-ups and throttling. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** The part before the {@code @}: the default username. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }
}
