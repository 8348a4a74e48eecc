package dev.jumbo.devstack.report;

import java.time.Duration;
import java.util.Locale;

/** Durations the way devstack prints them: {@code 12.3 s}. */
public final class Durations {

    private Durations() {
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
