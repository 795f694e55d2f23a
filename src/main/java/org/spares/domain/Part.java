package org.spares.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A stocked part (SKU). {@code averageUnitCost} is the company-wide moving average that receipts update;
 * {@code unitsOwned} is on hand at every depot plus in transit, the N of the moving-average formula.
 */
public record Part(long id, String sku, String name, String category, BigDecimal unitCost, BigDecimal holdingRate,
        int leadTimeDays, BigDecimal averageUnitCost, long unitsOwned, Instant createdAt, Instant updatedAt) {
    public Part {
        Objects.requireNonNull(sku);
        Objects.requireNonNull(name);
        Objects.requireNonNull(category);
        Objects.requireNonNull(unitCost);
        Objects.requireNonNull(holdingRate);
        Objects.requireNonNull(averageUnitCost);
    }
}
