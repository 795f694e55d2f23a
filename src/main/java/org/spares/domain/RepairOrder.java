package org.spares.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A unit being repaired at a depot. Parts wait is the union of the periods in which at least one of its
 * reservations was backordered: {@code partsWaitMicros} holds the closed periods, {@code awaitingSince} the open
 * one, so overlapping backorders count once.
 */
public record RepairOrder(long id, String depot, String assetTag, String description, Priority priority,
        RepairOrderStatus status, BigDecimal targetTurnaroundHours, Instant openedAt, long openedBy,
        Instant completedAt, Instant cancelledAt, int backorderedCount, Instant awaitingSince, long partsWaitMicros) {
    public RepairOrder {
        Objects.requireNonNull(depot);
        Objects.requireNonNull(priority);
        Objects.requireNonNull(status);
        Objects.requireNonNull(openedAt);
    }

    /** Hours waited for parts up to {@code now} (the open period counted to now). */
    public double partsWaitHours(Instant now) {
        long micros = partsWaitMicros;
        if (awaitingSince != null && now.isAfter(awaitingSince)) {
            micros += Duration.between(awaitingSince, now).toNanos() / 1000;
        }
        return micros / 3_600_000_000.0;
    }
}
