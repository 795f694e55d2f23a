package org.spares.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One depot's totals in an optimization run; {@code depot} is filled when read. */
public record DepotResult(long depotId, String depot, BigDecimal repairOrdersPerDay, BigDecimal maxPartsWaitHours,
        BigDecimal minFillRate, int positions, int positionsWithDemand, long currentStockUnits,
        long recommendedStockUnits, BigDecimal currentAnnualHoldingCost,
        BigDecimal recommendedAnnualHoldingCost, BigDecimal expectedBackorders, BigDecimal partsWaitHours,
        BigDecimal fillRate, Instant appliedAt, String appliedByName) {
}
