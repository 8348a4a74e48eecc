package dev.jumbo.auth.profile;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name a user wants Jumbo to use: 1–50 characters of letters of any script (with their combining marks,
 * so names such as "हर्ष" or "Zoë" in decomposed form pass), spaces, and {@code . ' -}; at least one letter.
 * Surrounding whitespace is dropped and inner runs of spaces collapse to one.
 */
public final class PreferredName {

    public static final int MAX_LENGTH = 50;

    private static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{M} .'\\-]+$");
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");

    private PreferredName() {
    }

    /** The cleaned name, or empty when {@code raw} is not an acceptable name. */
    public static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip().replaceAll(" {2,}", " ");
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_LENGTH || !ALLOWED.matcher(name).matches() || !HAS_LETTER.matcher(name).find()) {
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
