package org.spares.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            Fold row = (depotId, part, integral) -> rows.computeIfAbsent(groupBy.key(depots.get(depotId), part),
                    CarryingCost.Totals::new).add(integral, part.holdingRate());
            fold(handle, to, scope, parts, row);
            fold(handle, from, scope, parts, (depotId, part, integral) -> row.add(depotId, part, negate(integral)));
            long periodMicros = CostTime.micros(from, to);
            out.start(period(from, to), CarryingCost.COLUMNS);
            CarryingCost.Totals total = new CarryingCost.Totals("total");
            rows.values().forEach(each -> {
                out.row(each.cells(periodMicros));
                total.add(each);
            });
            out.total(total.cells(periodMicros));
            out.finish();
            return null;
        });
    }

    /**
     * The carrying cost over [from, to) month by month (UTC calendar months, the first and last cut to the period),
     * one row per month keyed {@code YYYY-MM}, each averaged over its own part of the period. Every month boundary
     * is folded once: a position's integral to a boundary ends the month before it and is taken off the month after
     * it, so n months cost n + 1 folds, not 2n. Exact as {@link #carryingCost}: the row of a month equals that report
     * over the month.
     */
    public void carryingCostByMonth(Instant from, Instant to, DepotScope scope, ReportWriter out) {
        List<Instant> bounds = monthBounds(from, to);
        transactions.read(handle -> {
            Map<Long, PartInfo> parts = ReportDao.parts(handle);
            List<CarryingCost.Totals> months = new ArrayList<>();
            for (int i = 0; i + 1 < bounds.size(); i++) {
                months.add(new CarryingCost.Totals(YearMonth.from(bounds.get(i).atOffset(ZoneOffset.UTC)).toString()));
            }
            for (int i = 0; i < bounds.size(); i++) {
                CarryingCost.Totals ending = i > 0 ? months.get(i - 1) : null;
                CarryingCost.Totals starting = i < months.size() ? months.get(i) : null;
                fold(handle, bounds.get(i), scope, parts, (depotId, part, integral) -> {
                    if (ending != null) {
                        ending.add(integral, part.holdingRate());
                    }
                    if (starting != null) {
                        starting.add(negate(integral), part.holdingRate());
                    }
                });
            }
            out.start(period(from, to), CarryingCost.COLUMNS);
            CarryingCost.Totals total = new CarryingCost.Totals("total");
            for (int i = 0; i < months.size(); i++) {
                out.row(months.get(i).cells(CostTime.micros(bounds.get(i), bounds.get(i + 1))));
                total.add(months.get(i));
            }
            out.total(total.cells(CostTime.micros(from, to)));
            out.finish();
            return null;
        });
    }

    /** from, every UTC month start strictly inside (from, to), to. */
    static List<Instant> monthBounds(Instant from, Instant to) {
        List<Instant> bounds = new ArrayList<>();
        bounds.add(from);
        YearMonth month = YearMonth.from(from.atOffset(ZoneOffset.UTC)).plusMonths(1);
        for (Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(); start.isBefore(to);
                month = month.plusMonths(1), start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()) {
            bounds.add(start);
        }
        bounds.add(to);
        return bounds;
    }

    /** Where a fold puts one position's integral. */
    @FunctionalInterface
    private interface Fold {
        void add(long depotId, PartInfo part, RunningTotals.Integral integral);
    }

    /**
     * Hands every position's integrals from its first row to {@code instant} to {@code into}. Positions count with
     * rows strictly before the instant: the integral is the same either way (a row at the instant itself adds
     * nothing yet), and a position whose first row is at {@code to} has no row in the period.
     */
    private static void fold(Handle handle, Instant instant, DepotScope scope, Map<Long, PartInfo> parts,
            Fold into) {
        Map<Long, CostTime.Anchor> anchors = ReportDao.anchors(handle, instant);
        ReportDao.totalsBefore(handle, instant, scope, position -> {
            PartInfo part = parts.get(position.partId());
            // The position has a row at or before the instant, so its part has an anchor there.
            BigDecimal partCostTime = anchors.get(position.partId()).at(instant);
            into.add(position.depotId(), part, position.totals().integralAt(instant, partCostTime));
        });
    }

    private static RunningTotals.Integral negate(RunningTotals.Integral integral) {
        return new RunningTotals.Integral(integral.unitMicros().negate(), integral.valueMicros().negate());
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
