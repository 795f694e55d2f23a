package org.spares.domain;

import java.math.BigDecimal;

/**
 * The part-wide moving-average unit cost (docs/REFERENCE.md "Stock rules"): a receipt of {@code q} units at {@code c} when {@code N} units
 * are owned (on hand everywhere plus in transit) sets {@code avg = (N * avg + q * c) / (N + q)}, or {@code c} when
 * N is 0. The result is rounded once, to 4 decimals half-up ({@link Money}); nothing else changes the average.
 */
public final class MovingAverage {
    private MovingAverage() {
    }

    public static BigDecimal afterReceipt(BigDecimal average, long unitsOwned, int quantity, BigDecimal unitCost) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a receipt adds units");
        }
        if (unitsOwned <= 0) {
            return Money.round(unitCost);
        }
        BigDecimal owned = BigDecimal.valueOf(unitsOwned);
        BigDecimal received = BigDecimal.valueOf(quantity);
        BigDecimal total = owned.multiply(average).add(received.multiply(unitCost));
        return total.divide(owned.add(received), Money.SCALE, Money.ROUNDING);
    }
}
