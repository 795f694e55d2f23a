package org.spares.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.spares.db.ReportDao;
import org.spares.domain.CostTime;
import org.spares.domain.DepotScope;
import org.spares.domain.PartInfo;
import org.spares.domain.RunningTotals;
import org.spares.report.CarryingCost;
import org.spares.report.GroupBy;
import org.spares.report.ReportWriter;
import org.spares.report.Valuation;

/**
 * Carrying cost and valuation: fetches the per-part anchors, streams one row of running totals per position from
 * the database and folds them into one accumulator per row key. Memory grows with the number of rows shown
 * (depots, parts or categories) and parts, never with ledger rows.
 */
public final class ReportService {
    private final Transactions transactions;

    public ReportService(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * The carrying cost over [from, to) grouped by {@code groupBy}; {@code to} is already capped at now. A
     * position's integrals over the period are its integrals from its first row to {@code to} minus those to
     * {@code from}, and the rows are sums of positions, so each instant's totals are folded in on their own:
     * added at {@code to}, subtracted at {@code from}. Still exact: the one rounding is in {@link
     * CarryingCost.Totals#cells}.
     */
    public void carryingCost(Instant from, Instant to, GroupBy groupBy, DepotScope scope, ReportWriter out) {
        transactions.read(handle -> {
            Map<Long, String> depots = ReportDao.depotCodes(handle);
            Map<Long, PartInfo> parts = ReportDao.parts(handle);
            Map<String, CarryingCost.Totals> rows = new TreeMap<>();
            fold(handle, to, BigDecimal.ONE, scope, rows, groupBy, depots, parts);
            fold(handle, from, BigDecimal.ONE.negate(), scope, rows, groupBy, depots, parts);
            long periodMicros = CostTime.micros(from, to);
            out.start(period(from, to), CarryingCost.COLUMNS);
            CarryingCost.Totals total = new CarryingCost.Totals("total");
            rows.values().forEach(row -> {
                out.row(row.cells(periodMicros));
                total.add(row);
            });
            out.total(total.cells(periodMicros));
            out.finish();
            return null;
        });
    }

    /**
     * Adds {@code sign} x every position's integrals from its first row to {@code instant} to its row. Positions
     * count with rows strictly before the instant: the integral is the same either way (a row at the instant
     * itself adds nothing yet), and a position whose first row is at {@code to} has no row in the period.
     */
    private static void fold(Handle handle, Instant instant, BigDecimal sign, DepotScope scope,
            Map<String, CarryingCost.Totals> rows, GroupBy groupBy, Map<Long, String> depots,
            Map<Long, PartInfo> parts) {
        Map<Long, CostTime.Anchor> anchors = ReportDao.anchors(handle, instant);
        ReportDao.totalsBefore(handle, instant, scope, position -> {
            PartInfo part = parts.get(position.partId());
            // The position has a row at or before the instant, so its part has an anchor there.
            BigDecimal partCostTime = anchors.get(position.partId()).at(instant);
            RunningTotals.Integral integral = position.totals().integralAt(instant, partCostTime);
            String key = groupBy.key(depots.get(position.depotId()), part);
            rows.computeIfAbsent(key, CarryingCost.Totals::new).add(new RunningTotals.Integral(
                    integral.unitMicros().multiply(sign), integral.valueMicros().multiply(sign)), part.holdingRate());
        });
    }

    /**
     * Units and value on hand at {@code asOf} (rows at or before it count), plus units in transit to the row's
     * depots, all valued at the part's average at {@code asOf}.
     */
    public void valuation(Instant asOf, GroupBy groupBy, DepotScope scope, ReportWriter out) {
        transactions.read(handle -> {
            Map<Long, String> depots = ReportDao.depotCodes(handle);
            Map<Long, PartInfo> parts = ReportDao.parts(handle);
            Map<Long, CostTime.Anchor> anchors = ReportDao.anchors(handle, asOf);
            Map<String, Valuation> rows = new TreeMap<>();
            ReportDao.positionsAt(handle, asOf, scope, depots, parts, position -> {
                String key = groupBy.key(position.depot(), parts.get(position.partId()));
                rows.computeIfAbsent(key, Valuation::new).addOnHand(position.units(),
                        average(anchors, position.partId()));
            });
            ReportDao.inTransit(handle, asOf, scope, transit -> {
                String key = groupBy.key(depots.get(transit.depotId()), parts.get(transit.partId()));
                rows.computeIfAbsent(key, Valuation::new).addInTransit(transit.units(),
                        average(anchors, transit.partId()));
            });
            out.start(Map.of("asOf", asOf), Valuation.COLUMNS);
            Valuation total = new Valuation("total");
            rows.values().forEach(row -> {
                out.row(row.cells());
                total.add(row);
            });
            out.total(total.cells());
            out.finish();
            return null;
        });
    }

    /** The part's average at the anchor's instant; a part with no row by then has no units to value. */
    static BigDecimal average(Map<Long, CostTime.Anchor> anchors, long partId) {
        CostTime.Anchor anchor = anchors.get(partId);
        return anchor == null ? BigDecimal.ZERO : anchor.averageAfter();
    }

    static Map<String, Object> period(Instant from, Instant to) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("from", from);
        header.put("to", to);
        return header;
    }
}
