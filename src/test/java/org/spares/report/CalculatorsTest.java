package org.spares.report;

import static org.assertj.core.api.Assertions.assertThat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spares.domain.CostTime;
import org.spares.domain.RunningTotals;


/** The pure calculators, on figures small enough to check by hand. */
class CalculatorsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long DAY = 86_400_000_000L;

    @Test
    void accumulatorAdvancesByTheAverageInForceTimesTheMicroseconds() {
        CostTime.Anchor anchor = new CostTime.Anchor(T0, new BigDecimal("12.3456"), new BigDecimal("7"));
        assertThat(anchor.at(T0.plusNanos(3_000))).isEqualByComparingTo("44.0368");
        assertThat(CostTime.next(null, T0)).isZero();
        assertThat(CostTime.micros(T0, T0.minusSeconds(1))).isZero();
    }

    @Test
    void integralOfAPositionAcrossAnAverageChange() {
        // the part: average 100 from day 0, 115 from day 2; the position: 10 units before day 1, 4 more at day 3
        CostTime.Anchor first = new CostTime.Anchor(T0, new BigDecimal("100"), BigDecimal.ZERO);
        BigDecimal atDay2 = BigDecimal.valueOf(100L * 2 * DAY);
        CostTime.Anchor second = new CostTime.Anchor(T0.plusSeconds(2 * 86_400), new BigDecimal("115"), atDay2);
        BigDecimal atDay3 = atDay2.add(BigDecimal.valueOf(115L * DAY));
        Instant from = T0.plusSeconds(86_400);
        Instant to = T0.plusSeconds(5 * 86_400);
        long day3 = CarryingCost.epochMicros(T0.plusSeconds(3 * 86_400));
        CarryingCost.PositionSums sums = new CarryingCost.PositionSums(1, 1, 10, 4,
                atDay3.multiply(BigDecimal.valueOf(4)), BigDecimal.valueOf(4 * day3));
        RunningTotals.Integral integral = CarryingCost.integrate(sums, first, second, from, to);
        // 10 x 100 x 1d + 10 x 115 x 3d + 4 x 115 x 2d = 5370 value-days; 10 x 4d + 4 x 2d = 48 unit-days
        assertThat(integral.valueMicros()).isEqualByComparingTo(BigDecimal.valueOf(5370L * DAY));
        assertThat(integral.unitMicros()).isEqualByComparingTo(BigDecimal.valueOf(48L * DAY));
        CarryingCost.Totals totals = new CarryingCost.Totals("x");
        totals.add(integral, new BigDecimal("0.365"));
        // 5370 x 0.001 = 5.37; averages over 4 days: 12 units, 1342.5
        assertThat(totals.cells(4 * DAY)).containsExactly("x", new BigDecimal("12"), new BigDecimal("1342.5"),
                new BigDecimal("5.37"));
    }

    @Test
    void runningTotalsGiveTheSameIntegralAsTheRowSums() {
        // the scenario above, from the position's running totals: 10 units at day 0, 4 more at day 3
        CostTime.Anchor first = new CostTime.Anchor(T0, new BigDecimal("100"), BigDecimal.ZERO);
        BigDecimal atDay2 = BigDecimal.valueOf(100L * 2 * DAY);
        CostTime.Anchor second = new CostTime.Anchor(T0.plusSeconds(2 * 86_400), new BigDecimal("115"), atDay2);
        Instant day3 = T0.plusSeconds(3 * 86_400);
        RunningTotals received = RunningTotals.next(null, T0, 10, BigDecimal.ZERO, false);
        RunningTotals more = RunningTotals.next(received, day3, 14, second.at(day3), false);
        assertThat(more.unitMicros()).isEqualByComparingTo(BigDecimal.valueOf(30L * DAY));
        Instant from = T0.plusSeconds(86_400);
        Instant to = T0.plusSeconds(5 * 86_400);
        RunningTotals.Integral atTo = more.integralAt(to, second.at(to));
        RunningTotals.Integral atFrom = received.integralAt(from, first.at(from));
        assertThat(atTo.valueMicros().subtract(atFrom.valueMicros()))
                .isEqualByComparingTo(BigDecimal.valueOf(5370L * DAY));
        assertThat(atTo.unitMicros().subtract(atFrom.unitMicros())).isEqualByComparingTo(BigDecimal.valueOf(48L * DAY));
    }

    @Test
    void runningTotalsKeepTheNewestIssueAndIgnoreAClockSteppingBack() {
        RunningTotals issued = RunningTotals.next(RunningTotals.next(null, T0, 5, BigDecimal.ZERO, false),
                T0.plusSeconds(60), 4, BigDecimal.ONE, true);
        assertThat(issued.lastIssueAt()).isEqualTo(T0.plusSeconds(60));
        RunningTotals back = RunningTotals.next(issued, T0.plusSeconds(30), 3, BigDecimal.ONE, true);
        assertThat(back.lastIssueAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(back.unitMicros()).isEqualByComparingTo(issued.unitMicros());
    }

    @Test
    void roundingIsOnceAndHalfUp() {
        assertThat(CarryingCost.divide(new BigDecimal("1.00005"), BigDecimal.ONE)).isEqualByComparingTo("1.0001");
        assertThat(CarryingCost.divide(new BigDecimal("1.000049999"), BigDecimal.ONE)).isEqualByComparingTo("1");
        assertThat(CarryingCost.divide(BigDecimal.ONE, new BigDecimal("3")).toPlainString()).isEqualTo("0.3333");
    }

    @Test
    void turnaroundPercentilesByNearestRank() {
        TurnaroundStats stats = new TurnaroundStats("NYC");
        long hour = 3_600_000_000L;
        for (int hours : new int[] {7, 1, 3, 9, 5, 2, 8, 4, 6, 10}) {
            stats.add(hours * hour, hour, new BigDecimal("5"));
        }
        List<Object> cells = stats.cells();
        assertThat(cells.get(1)).isEqualTo(10);
        assertThat((BigDecimal) cells.get(2)).isEqualByComparingTo("5.5");
        assertThat((BigDecimal) cells.get(3)).isEqualByComparingTo("5");
        assertThat((BigDecimal) cells.get(4)).isEqualByComparingTo("9");
        assertThat((BigDecimal) cells.get(5)).isEqualByComparingTo("0.1818");
        assertThat((BigDecimal) cells.get(6)).isEqualByComparingTo("0.5");
        assertThat(new TurnaroundStats("empty").cells()).containsExactly("empty", 0, null, null, null, null, null);
    }
}
