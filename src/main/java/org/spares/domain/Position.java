package org.spares.domain;

import java.math.BigDecimal;

/**
 * One part at one depot. {@code available = onHand - reserved}. A position that was never stocked reads as
 * zeros ({@link #empty}). {@code averageUnitCost} is the part's company-wide average.
 */
public record Position(long id, String depot, String sku, int onHand, int reserved, int inbound, int backordered,
        int targetLevel, int reorderPoint, BigDecimal averageUnitCost) {
    /**
     * The most units a position may hold on the shelf and in transit to it together: the range of its INT columns
     * (on hand, inbound, the ledger's onHandAfter). Counting in-transit units keeps every shipped transfer
     * receivable.
     */
    public static final int MAX_UNITS = Integer.MAX_VALUE;

    public static Position empty(String depot, String sku, BigDecimal averageUnitCost) {
        return new Position(0, depot, sku, 0, 0, 0, 0, 0, 0, averageUnitCost);
    }

    public int available() {
        return onHand - reserved;
    }

    /**
     * Units this position can count on: what is free on the shelf plus what is in transit to it, less what repair
     * orders already wait for. A replenishment is due when this is at or below the reorder point.
     */
    public int inventoryPosition() {
        return available() + inbound - backordered;
    }
}
