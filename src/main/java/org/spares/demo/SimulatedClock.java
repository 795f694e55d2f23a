package org.spares.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The clock of a replayed history: the demo generator sets it to each simulated event's time before calling the
 * services, so every row they write carries the simulated instant. Single-threaded by design (one replay).
 */
public final class SimulatedClock extends Clock {
    private volatile Instant now;

    public SimulatedClock(Instant start) {
        this.now = start.truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves to {@code instant}; never backwards, so ledger times follow ledger ids. */
    public void set(Instant instant) {
        Instant next = instant.truncatedTo(ChronoUnit.MICROS);
        if (next.isAfter(now)) {
            now = next;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
