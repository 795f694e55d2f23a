package org.spares.domain;

import java.time.Instant;
import java.util.Objects;

/** Stock moving from one depot to another; the source's units are reserved from request until shipping. */
public record Transfer(long id, String fromDepot, String toDepot, String sku, int quantity, TransferStatus status,
        Instant requestedAt, long requestedBy, Instant shippedAt, Long shippedBy, Instant receivedAt, Long receivedBy,
        Instant cancelledAt, Long cancelledBy) {
    public Transfer {
        Objects.requireNonNull(fromDepot);
        Objects.requireNonNull(toDepot);
        Objects.requireNonNull(sku);
        Objects.requireNonNull(status);
    }
}
