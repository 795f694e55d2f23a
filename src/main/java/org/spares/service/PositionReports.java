package org.spares.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spares.db.ReportDao;
import org.spares.db.ReportDao.PositionAt;
import org.spares.domain.CostTime;
import org.spares.domain.DepotScope;
import org.spares.domain.Money;
import org.spares.domain.PartInfo;
import org.spares.report.ReportWriter;

/**
 * Reports with one row per position (excess, dead stock), streamed in depot-code then sku order, one depot at a
 * time: memory holds one depot's positions (at most one per part), however many positions there are.
 */
public final class PositionReports {
    public static final List<String> EXCESS_COLUMNS = List.of("key", "depot", "sku", "onHand", "targetLevel",
            "excessUnits", "averageUnitCost", "excessValue", "yearlyCarryingCost");
    public static final List<String> DEAD_STOCK_COLUMNS = List.of("key", "depot", "sku", "units", "averageUnitCost",
            "value", "lastIssueAt", "yearlyCarryingCost");

    private final Transactions transactions;

    public PositionReports(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Positions whose on hand at {@code asOf} exceeds their target level at {@code asOf} (the newest policy change at
     * or before it; 0 before the first, since every change is recorded), with the excess valued at the part's
     * average then and its yearly carrying cost (excess value x holding rate).
     */
    public void excess(Instant asOf, DepotScope scope, ReportWriter out) {
        transactions.read(handle -> {
            Map<Long, String> depots = ReportDao.depotCodes(handle);
            Map<Long, PartInfo> parts = ReportDao.parts(handle);
            Map<Long, CostTime.Anchor> anchors = ReportDao.anchors(handle, asOf);
            out.start(Map.of("asOf", asOf), EXCESS_COLUMNS);
            long[] sums = new long[3];
            BigDecimal[] money = {BigDecimal.ZERO, BigDecimal.ZERO};
            ReportDao.positionsAt(handle, asOf, scope, depots, parts, position -> {
                long excess = position.units() - position.targetLevel();
                if (excess <= 0) {
                    return;
                }
                BigDecimal average = ReportService.average(anchors, position.partId());
                BigDecimal value = average.multiply(BigDecimal.valueOf(excess));
                BigDecimal yearly = value.multiply(parts.get(position.partId()).holdingRate());
                out.row(List.of(key(position), position.depot(), position.sku(), position.units(),
                        position.targetLevel(), excess, Money.display(average), Money.display(value),
                        Money.display(yearly)));
                add(sums, position.units(), position.targetLevel(), excess);
                money[0] = money[0].add(value);
                money[1] = money[1].add(yearly);
            });
            out.total(Arrays.asList("total", null, null, sums[0], sums[1], sums[2], null, Money.display(money[0]),
                    Money.display(money[1])));
            out.finish();
            return null;
        });
    }

    /**
     * Positions with units on hand at {@code asOf} and no ISSUE row in (asOf - noIssueDays, asOf], valued at the
     * part's average at {@code asOf}; {@code lastIssueAt} is the newest ISSUE at or before asOf, or null.
     */
    public void deadStock(Instant asOf, int noIssueDays, DepotScope scope, ReportWriter out) {
        Instant windowStart = asOf.minus(Duration.ofDays(noIssueDays));
        transactions.read(handle -> {
            Map<Long, String> depots = ReportDao.depotCodes(handle);
            Map<Long, PartInfo> parts = ReportDao.parts(handle);
            Map<Long, CostTime.Anchor> anchors = ReportDao.anchors(handle, asOf);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("asOf", asOf);
            header.put("noIssueDays", noIssueDays);
            out.start(header, DEAD_STOCK_COLUMNS);
            long[] units = new long[1];
            BigDecimal[] money = {BigDecimal.ZERO, BigDecimal.ZERO};
            ReportDao.positionsAt(handle, asOf, scope, depots, parts, position -> {
                if (position.units() <= 0 || isAfter(position.lastIssue(), windowStart)) {
                    return;
                }
                BigDecimal average = ReportService.average(anchors, position.partId());
                BigDecimal value = average.multiply(BigDecimal.valueOf(position.units()));
                BigDecimal yearly = value.multiply(parts.get(position.partId()).holdingRate());
                List<Object> cells = new ArrayList<>(List.of(key(position), position.depot(), position.sku(),
                        position.units(), Money.display(average), Money.display(value)));
                cells.add(position.lastIssue());
                cells.add(Money.display(yearly));
                out.row(cells);
                units[0] += position.units();
                money[0] = money[0].add(value);
                money[1] = money[1].add(yearly);
            });
            out.total(Arrays.asList("total", null, null, units[0], null, Money.display(money[0]), null,
                    Money.display(money[1])));
            out.finish();
            return null;
        });
    }

    private static boolean isAfter(Instant instant, Instant bound) {
        return instant != null && instant.isAfter(bound);
    }

    private static String key(PositionAt position) {
        return position.depot() + "/" + position.sku();
    }

    private static void add(long[] sums, long... values) {
        for (int i = 0; i < values.length; i++) {
            sums[i] += values[i];
        }
    }
}
