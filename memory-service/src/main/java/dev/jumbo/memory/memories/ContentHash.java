package dev.jumbo.memory.memories;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** SHA-256 of a fact's subject, relation and sorted, case-folded values: equal facts hash equally. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String subject, String relation, List<String> values) {
        String canonical = subject + "|" + relation + "|" + String.join("|",
                values.stream().map(v -> v.toLowerCase(Locale.ROOT).trim()).sorted().toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
