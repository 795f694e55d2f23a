package org.spares.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position's running totals as of one of its ledger rows: the row's instant, the units on hand after it, the
 * part's cost-time accumulator C at it ({@link CostTime}), and, from the position's first row up to this instant,
 * U = the integral of on hand over time (units x microseconds) and V = the integral of on hand x the part's average
 * unit cost (money x microseconds), plus the newest ISSUE so far.
 *
 * <p>On hand is constant between two rows of the position, so one step from the previous row p to the next row r
 * is exact: U_r = U_p + h_p x (at_r - at_p) and V_r = V_p + h_p x (C_r - C_p), since the average may change at
 * other depots' receipts in between but C integrates it. Any later instant T until the position's next row
 * follows the same way ({@link #integralAt}), so a report needs each position's last row at or before an instant,
 * not every row before it. Nothing here rounds.
 */
public record RunningTotals(Instant at, long onHand, BigDecimal costTimeMicros, BigDecimal unitMicros,
        BigDecimal valueMicros, Instant lastIssueAt) {

    /**
     * The totals after a new row of the position.
     *
     * @param previous the position's previous row's totals, null for its first row
     * @param costTimeMicros the part's accumulator at the new row (already computed under the part lock)
     */
    public static RunningTotals next(RunningTotals previous, Instant at, long onHandAfter, BigDecimal costTimeMicros,
            boolean issue) {
        if (previous == null) {
            return new RunningTotals(at, onHandAfter, costTimeMicros, BigDecimal.ZERO, BigDecimal.ZERO,
                    issue ? at : null);
        }
        BigDecimal held = BigDecimal.valueOf(previous.onHand());
        BigDecimal units = previous.unitMicros().add(held.multiply(BigDecimal.valueOf(
                CostTime.micros(previous.at(), at))));
        BigDecimal value = previous.valueMicros().add(held.multiply(costTimeMicros.subtract(
                previous.costTimeMicros())));
        Instant lastIssue = previous.lastIssueAt();
        if (issue && (lastIssue == null || at.isAfter(lastIssue))) {
            lastIssue = at;
        }
        return new RunningTotals(at, onHandAfter, costTimeMicros, units, value, lastIssue);
    }

    /**
     * The position's integrals from its first row to {@code instant} (at or after this row, before the position's
     * next row), given the part's accumulator at that instant.
     */
    public Integral integralAt(Instant instant, BigDecimal partCostTimeAtInstant) {
        BigDecimal held = BigDecimal.valueOf(onHand);
        return new Integral(
                unitMicros.add(held.multiply(BigDecimal.valueOf(CostTime.micros(at, instant)))),
                valueMicros.add(held.multiply(partCostTimeAtInstant.subtract(costTimeMicros))));
    }

    /** Exact integrals of one position over a period: units x microseconds and money x microseconds. */
    public record Integral(BigDecimal unitMicros, BigDecimal valueMicros) {
    }
}
