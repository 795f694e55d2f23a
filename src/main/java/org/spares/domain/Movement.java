package org.spares.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One ledger row: a signed change of a position's on-hand units, with its cost and who made it. */
public record Movement(long id, Instant at, MovementType type, String depot, String sku, int quantity,
        BigDecimal unitCost, BigDecimal averageUnitCostAfter, int onHandAfter, long actorId, String actor,
        String requestId, String reference, String reason, Long transferId, Long reservationId) {
    public Movement {
        Objects.requireNonNull(at);
        Objects.requireNonNull(type);
        Objects.requireNonNull(unitCost);
        Objects.requireNonNull(averageUnitCostAfter);
    }
}
