package org.spares.domain;

import java.math.BigDecimal;

/** One position's recommendation of an optimization run; {@code depot} and {@code sku} are filled when read. */
public record Recommendation(long id, long depotId, long partId, String depot, String sku, BigDecimal demandPerDay,
        BigDecimal varianceToMeanRatio, int leadTimeDays, int currentTargetLevel, int recommendedTargetLevel,
        BigDecimal expectedBackorders, BigDecimal fillRate, BigDecimal annualHoldingCostDelta, String reason) {
}
