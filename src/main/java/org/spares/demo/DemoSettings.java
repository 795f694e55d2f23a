package org.spares.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What to generate: how many depots and parts, how many days of history, and the random seed. The history ends
 * at {@code end} (the command passes the start of the current UTC day), so the same seed gives the same content
 * relative to that end.
 */
public record DemoSettings(int depots, int parts, int days, long seed, Instant end) {
    public static final int MAX_DEPOTS = 200;
    public static final int MAX_PARTS = 100_000;
    public static final int MAX_DAYS = 3650;

    public DemoSettings {
        require(depots >= 1 && depots <= MAX_DEPOTS, "--depots must be between 1 and " + MAX_DEPOTS);
        require(parts >= 1 && parts <= MAX_PARTS, "--parts must be between 1 and " + MAX_PARTS);
        require(days >= 1 && days <= MAX_DAYS, "--days must be between 1 and " + MAX_DAYS);
        require(end != null, "end must be given");
    }

    /** The start of the UTC day that {@code now} falls in: where a history generated now ends. */
    public static Instant startOfDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant start() {
        return end.minusSeconds(86_400L * days);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
