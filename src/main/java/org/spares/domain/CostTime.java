package org.spares.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The part's cost-time accumulator: A(t), the integral of the part-wide average unit cost over time, in money x
 * microseconds. The average is constant between two ledger rows of the part (it changes only at receipts, at any
 * depot), so A is exact at every row: A(row) = A(previous) + average after previous x (row.at - previous.at).
 *
 * <p>A position holding h units over [s, e) carries h x (A(e) - A(s)) money-microseconds of value; that is what makes
 * the carrying-cost integral a sum over ledger rows instead of a sampling. Nothing here rounds: averages have 4
 * decimals and instants whole microseconds.
 */
public final class CostTime {
    private CostTime() {
    }

    /** The accumulator at a row written at {@code at}, after the part's previous row (null for its first row). */
    public static BigDecimal next(Anchor previous, Instant at) {
        if (previous == null) {
            return BigDecimal.ZERO;
        }
        return previous.at(at);
    }

    /** Whole microseconds from {@code from} to {@code to}; never negative (a clock stepping back adds nothing). */
    public static long micros(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Duration between = Duration.between(from, to);
        return Math.addExact(Math.multiplyExact(between.getSeconds(), 1_000_000L), between.getNano() / 1000);
    }

    /**
     * A part's latest ledger row at or before some instant: its time, the average in force after it and its
     * accumulator. From it, A(t) for any later t until the part's next row.
     */
    public record Anchor(Instant at, BigDecimal averageAfter, BigDecimal costTimeMicros) {
        public BigDecimal at(Instant instant) {
            return costTimeMicros.add(averageAfter.multiply(BigDecimal.valueOf(micros(at, instant))));
        }
    }
}
