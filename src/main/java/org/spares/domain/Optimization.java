package org.spares.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One optimization run over some depots' demand history: its state, its window of history, and once it has
 * succeeded, the plan's quality and holding costs (its recommendations are kept apart). {@code error} says why a
 * FAILED run failed.
 */
public record Optimization(long id, OptimizationStatus status, List<String> depots, int historyDays,
        BigDecimal progress, Instant windowFrom, Instant windowTo, Instant createdAt, long createdBy,
        String createdByName, Instant startedAt, Instant finishedAt, String errorCode, String error,
        String planStatus, Double gap, Long solveMillis, BigDecimal currentAnnualHoldingCost,
        BigDecimal recommendedAnnualHoldingCost) {
    public Optimization {
        Objects.requireNonNull(status);
        depots = List.copyOf(depots);
    }
}
