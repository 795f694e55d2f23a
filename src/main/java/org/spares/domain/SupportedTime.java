package org.spares.domain;

import java.time.Instant;

/**
 * The instants Spares accepts from a client and stores: 1970-01-01T00:00:00Z up to 9999-12-31T23:59:59.999999Z.
 * The upper end is the last instant a DATETIME(6) column holds and a four-digit year can be written; the lower
 * end is where stock history can begin (nothing is older than the Unix epoch). Outside it, years need a sign or
 * a fifth digit, which neither the databases nor the text format of stored times carry.
 */
public final class SupportedTime {
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private SupportedTime() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
