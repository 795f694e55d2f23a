package org.spares.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A site that holds stock and repairs, with its service targets. The parts wait it allows per repair order is
 * {@code targetTurnaroundHours - meanRepairHours} (docs/OPTIMIZER.md).
 */
public record Depot(long id, String code, String name, BigDecimal targetTurnaroundHours, BigDecimal meanRepairHours,
        BigDecimal minFillRate, Instant createdAt, Instant updatedAt) {
    public Depot {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
        Objects.requireNonNull(targetTurnaroundHours);
        Objects.requireNonNull(meanRepairHours);
    }

    public BigDecimal maxPartsWaitHours() {
        return targetTurnaroundHours.subtract(meanRepairHours);
    }
}
