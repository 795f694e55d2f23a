package org.spares.domain;

import java.time.Instant;
import java.util.Objects;

/** Parts held (or awaited) for a repair order at its depot; every state keeps the instant it was entered. */
public record Reservation(long id, long repairOrderId, String depot, String sku, int quantity,
        ReservationStatus status, int priorityRank, Instant createdAt, Instant heldAt, Instant expiresAt,
        Instant backorderedAt, Instant issuedAt, Instant releasedAt, Instant expiredAt) {
    public Reservation {
        Objects.requireNonNull(depot);
        Objects.requireNonNull(sku);
        Objects.requireNonNull(status);
    }
}
