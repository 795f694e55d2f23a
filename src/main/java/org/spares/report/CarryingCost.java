package org.spares.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.spares.domain.CostTime;
import org.spares.domain.Money;
import org.spares.domain.RunningTotals.Integral;

/**
 * The exact carrying cost of a position over a period [from, to): the integral of onHand x average unit cost x
 * holdingRate / 365 per day. onHand is constant between two rows of the position; the average between two rows of
 * the part (at any depot); the part's cost-time accumulator A ({@link CostTime}) turns the integral into sums:
 *
 * <pre>
 *   value-time = unitsBefore x (A(to) - A(from)) + sum over rows r in [from, to) of q_r x (A(to) - A_r)
 *   unit-time  = unitsBefore x (to - from)        + sum over rows r in [from, to) of q_r x (to - at_r)
 * </pre>
 *
 * where unitsBefore is the position's on hand just before {@code from}. Each unit added at r is counted from r to
 * the end of the period and each unit removed stops being counted at r, which is exactly the piecewise-constant
 * integral. Everything stays exact (money x microseconds) until {@link Totals#cells}, which rounds once.
 */
public final class CarryingCost {
    static final BigDecimal MICROS_PER_YEAR = BigDecimal.valueOf(365L * 86_400_000_000L);

    private CarryingCost() {
    }

    /**
     * One position's ledger rows before {@code to}, summed by SQL: units before the period, units moved within it,
     * the sum of quantity x accumulator and of quantity x epoch-microseconds of the rows within it.
     */
    public record PositionSums(long depotId, long partId, long unitsBefore, long unitsWithin,
            BigDecimal costTimeWithin, BigDecimal epochMicrosWithin) {
    }

    /**
     * @param atFrom the part's latest row at or before {@code from}, null when it has none (then unitsBefore is 0)
     * @param atTo the part's latest row at or before {@code to}
     */
    public static Integral integrate(PositionSums sums, CostTime.Anchor atFrom, CostTime.Anchor atTo, Instant from,
            Instant to) {
        BigDecimal accumulatorFrom = atFrom == null ? BigDecimal.ZERO : atFrom.at(from);
        BigDecimal accumulatorTo = atTo == null ? BigDecimal.ZERO : atTo.at(to);
        BigDecimal before = BigDecimal.valueOf(sums.unitsBefore());
        BigDecimal within = BigDecimal.valueOf(sums.unitsWithin());
        BigDecimal value = before.multiply(accumulatorTo.subtract(accumulatorFrom))
                .add(within.multiply(accumulatorTo)).subtract(sums.costTimeWithin());
        BigDecimal units = before.multiply(BigDecimal.valueOf(CostTime.micros(from, to)))
                .add(within.multiply(BigDecimal.valueOf(epochMicros(to)))).subtract(sums.epochMicrosWithin());
        return new Integral(units, value);
    }

    public static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** The columns of a carrying-cost row, in order. */
    public static final List<String> COLUMNS = List.of("key", "averageOnHandUnits", "averageInventoryValue",
            "carryingCost");

    /** One row's (or the total's) exact sums; rounded only when shown. */
    public static final class Totals {
        private final String key;
        private BigDecimal unitMicros = BigDecimal.ZERO;
        private BigDecimal valueMicros = BigDecimal.ZERO;
        private BigDecimal rateValueMicros = BigDecimal.ZERO;

        public Totals(String key) {
            this.key = key;
        }

        public void add(Integral integral, BigDecimal holdingRate) {
            unitMicros = unitMicros.add(integral.unitMicros());
            valueMicros = valueMicros.add(integral.valueMicros());
            rateValueMicros = rateValueMicros.add(integral.valueMicros().multiply(holdingRate));
        }

        public void add(Totals other) {
            unitMicros = unitMicros.add(other.unitMicros);
            valueMicros = valueMicros.add(other.valueMicros);
            rateValueMicros = rateValueMicros.add(other.rateValueMicros);
        }

        /** key, average on hand units, average inventory value, carrying cost: each rounded once, 4 decimals. */
        public List<Object> cells(long periodMicros) {
            BigDecimal period = BigDecimal.valueOf(periodMicros);
            return List.of(key, divide(unitMicros, period), divide(valueMicros, period),
                    divide(rateValueMicros, MICROS_PER_YEAR));
        }
    }

    /** The one rounding of a report figure: straight to 4 decimals half-up (no double rounding), zeros stripped. */
    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return Money.display(numerator.divide(denominator, Money.SCALE, RoundingMode.HALF_UP));
    }
}
