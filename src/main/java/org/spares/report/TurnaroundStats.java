package org.spares.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.spares.domain.Money;

/**
 * Turnaround of completed repair orders for one row: count, mean, p50 and p90 hours (nearest rank: the smallest
 * turnaround with at least p % of the orders at or below it), the share of the time spent waiting for parts (sum of
 * waits over sum of turnarounds) and the share of orders that met their target (turnaround <= target). Percentiles
 * need every turnaround of the row, so this holds one long per order.
 */
public final class TurnaroundStats {
    public static final List<String> COLUMNS = List.of("key", "count", "meanHours", "p50Hours", "p90Hours",
            "partsWaitShare", "targetMetShare");
    private static final BigDecimal MICROS_PER_HOUR = BigDecimal.valueOf(3_600_000_000L);

    private final String key;
    private long[] turnarounds = new long[16];
    private int count;
    private BigDecimal turnaroundSum = BigDecimal.ZERO;
    private BigDecimal waitSum = BigDecimal.ZERO;
    private long met;

    public TurnaroundStats(String key) {
        this.key = key;
    }

    /** One order: opened to completed, its parts wait, and its target, all in microseconds. */
    public void add(long turnaroundMicros, long waitMicros, BigDecimal targetHours) {
        if (count == turnarounds.length) {
            turnarounds = Arrays.copyOf(turnarounds, count * 2);
        }
        turnarounds[count++] = turnaroundMicros;
        turnaroundSum = turnaroundSum.add(BigDecimal.valueOf(turnaroundMicros));
        waitSum = waitSum.add(BigDecimal.valueOf(waitMicros));
        if (BigDecimal.valueOf(turnaroundMicros).compareTo(targetHours.multiply(MICROS_PER_HOUR)) <= 0) {
            met++;
        }
    }

    public String key() {
        return key;
    }

    public List<Object> cells() {
        if (count == 0) {
            return Arrays.asList(key, 0, null, null, null, null, null);
        }
        long[] sorted = Arrays.copyOf(turnarounds, count);
        Arrays.sort(sorted);
        BigDecimal orders = BigDecimal.valueOf(count);
        return Arrays.asList(key, count,
                CarryingCost.divide(turnaroundSum, orders.multiply(MICROS_PER_HOUR)),
                hours(sorted[rank(50)]), hours(sorted[rank(90)]),
                turnaroundSum.signum() == 0 ? null : CarryingCost.divide(waitSum, turnaroundSum),
                CarryingCost.divide(BigDecimal.valueOf(met), orders));
    }

    /** Nearest rank: index of the ceil(p/100 x n)-th smallest value. */
    private int rank(int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return Math.max(rank, 1) - 1;
    }

    private static BigDecimal hours(long micros) {
        return Money.display(BigDecimal.valueOf(micros).divide(MICROS_PER_HOUR, Money.SCALE, RoundingMode.HALF_UP));
    }
}
