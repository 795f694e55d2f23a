package org.spares.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.spares.domain.DepotScope;
import org.spares.report.GroupBy;
import org.spares.service.PositionReports;
import org.spares.service.ReportService;
import org.spares.service.TurnaroundReport;

/**
 * The finance page's sections, each computed from the report services the API uses, with the API's CSV address for
 * every table. A section is its own request so that the page appears at once and no request waits for every report.
 */
final class ReportSections {
    static final int ROWS = 25;
    static final List<String> IDS = List.of("carrying-cost", "monthly", "valuation", "excess", "dead-stock",
            "turnaround");

    private final ReportService reports;
    private final PositionReports positions;
    private final TurnaroundReport turnaround;

    ReportSections(ReportService reports, PositionReports positions, TurnaroundReport turnaround) {
        this.reports = reports;
        this.positions = positions;
        this.turnaround = turnaround;
    }

    /** Every section, not loaded: what the page shows first. */
    static List<ReportSection> headings(ReportParameters p, Instant now) {
        return IDS.stream().map(id -> new ReportSection(id, heading(id, p, now), null)).toList();
    }

    static String heading(String id, ReportParameters p, Instant now) {
        return switch (id) {
            case "carrying-cost" -> "Carrying cost from " + p.from() + " to " + p.to();
            case "monthly" -> "Carrying cost month by month, " + p.fromMonth() + " to " + p.toMonth();
            case "valuation" -> "Valuation as of " + p.asOf(now);
            case "excess" -> "Excess stock (above target level)";
            case "dead-stock" -> "Dead stock (no issue for " + p.noIssueDays() + " days)";
            case "turnaround" -> "Repair turnaround from " + p.from() + " to " + p.to();
            default -> throw new IllegalArgumentException(id);
        };
    }

    /** The section loaded; {@code id} is one of {@link #IDS}. */
    ReportSection load(String id, ReportParameters p, DepotScope scope, Instant now) {
        List<ReportSection.Item> items = switch (id) {
            case "carrying-cost" -> carryingCost(p, scope, now);
            case "monthly" -> monthly(p, scope, now);
            case "valuation" -> valuation(p, scope, now);
            case "excess" -> excess(p, scope, now);
            case "dead-stock" -> deadStock(p, scope, now);
            case "turnaround" -> turnaround(p, scope, now);
            default -> throw new IllegalArgumentException(id);
        };
        return new ReportSection(id, heading(id, p, now), items);
    }

    private List<ReportSection.Item> carryingCost(ReportParameters p, DepotScope scope, Instant now) {
        Instant[] period = p.period(now);
        ReportTable byDepot = new ReportTable(ROWS, "carryingCost");
        reports.carryingCost(period[0], period[1], GroupBy.DEPOT, scope, byDepot);
        ReportTable byCategory = new ReportTable(ROWS, "carryingCost");
        reports.carryingCost(period[0], period[1], GroupBy.CATEGORY, scope, byCategory);
        String csv = "/ui/reports/carrying-cost.csv?"
                + ReportParameters.query("from", p.from(), "to", p.to(), "depot", p.depot());
        return List.of(
                ReportSection.Item.bars("chart-carrying-depot", Charts.bars("Carrying cost by depot", byDepot.bars())),
                ReportSection.Item.table("carrying-by-depot", byDepot, csv + "&groupBy=depot"),
                ReportSection.Item.bars("chart-carrying-category",
                        Charts.bars("Carrying cost by category", byCategory.bars())),
                ReportSection.Item.table("carrying-by-category", byCategory, csv + "&groupBy=category"));
    }

    /** The carrying cost report by month over the chosen months; months not begun yet have no row. */
    private List<ReportSection.Item> monthly(ReportParameters p, DepotScope scope, Instant now) {
        Instant start = p.firstMonth();
        Instant end = p.afterLastMonth();
        ReportTable months = new ReportTable(Integer.MAX_VALUE, "carryingCost");
        if (start.isBefore(now)) {
            reports.carryingCostByMonth(start, end.isAfter(now) ? now : end, scope, months);
        }
        List<String> labels = months.getRows().stream().map(row -> row.get(0)).toList();
        List<Charts.Point> points = new ArrayList<>();
        List<Charts.Bar> values = months.bars();
        for (int i = 0; i < values.size(); i++) {
            points.add(new Charts.Point(i, values.get(i).value().doubleValue(),
                    labels.get(i) + ": " + values.get(i).value().toPlainString()));
        }
        String csv = "/ui/reports/carrying-cost.csv?" + ReportParameters.query("from", date(start), "to", date(end),
                "depot", p.depot()) + "&groupBy=month";
        return List.of(
                ReportSection.Item.lines("chart-monthly", Charts.lines("Carrying cost by month", "Carrying cost",
                        labels, List.of(new Charts.Series("Carrying cost", points)))),
                ReportSection.Item.table("carrying-by-month", months, csv));
    }

    private List<ReportSection.Item> valuation(ReportParameters p, DepotScope scope, Instant now) {
        ReportTable table = new ReportTable(ROWS, "value");
        reports.valuation(p.asOf(now), GroupBy.DEPOT, scope, table);
        return List.of(ReportSection.Item.table("valuation-table", table, "/ui/reports/valuation.csv?"
                + ReportParameters.query("asOf", p.asOf(), "depot", p.depot()) + "&groupBy=depot"));
    }

    private List<ReportSection.Item> excess(ReportParameters p, DepotScope scope, Instant now) {
        ReportTable table = new ReportTable(ROWS, null);
        positions.excess(p.asOf(now), scope, table);
        return List.of(ReportSection.Item.table("excess-table", table, "/ui/reports/excess.csv?"
                + ReportParameters.query("asOf", p.asOf(), "depot", p.depot())));
    }

    private List<ReportSection.Item> deadStock(ReportParameters p, DepotScope scope, Instant now) {
        ReportTable table = new ReportTable(ROWS, null);
        positions.deadStock(p.asOf(now), p.days(), scope, table);
        return List.of(ReportSection.Item.table("dead-stock-table", table, "/ui/reports/dead-stock.csv?"
                + ReportParameters.query("asOf", p.asOf(), "noIssueDays", p.noIssueDays(), "depot", p.depot())));
    }

    private List<ReportSection.Item> turnaround(ReportParameters p, DepotScope scope, Instant now) {
        Instant[] period = p.period(now);
        ReportTable repairs = new ReportTable(ROWS, null);
        turnaround.write(period[0], period[1], scope, repairs);
        ReportTable buckets = new ReportTable(ROWS, "count");
        turnaround.distribution(period[0], period[1], scope, buckets);
        String range = ReportParameters.query("from", p.from(), "to", p.to(), "depot", p.depot());
        List<Charts.Bar> spread = List.of(
                new Charts.Bar("mean", repairs.totalOf("meanHours")),
                new Charts.Bar("p50", repairs.totalOf("p50Hours")),
                new Charts.Bar("p90", repairs.totalOf("p90Hours")));
        return List.of(
                ReportSection.Item.bars("chart-turnaround-distribution",
                        Charts.bars("Repair orders by turnaround (hours)", buckets.bars())),
                ReportSection.Item.table("turnaround-distribution-table", buckets,
                        "/ui/reports/turnaround-distribution.csv?" + range),
                ReportSection.Item.bars("chart-turnaround",
                        Charts.bars("Turnaround hours, all depots: mean, median and 90th percentile", spread)),
                ReportSection.Item.bars("chart-turnaround-depot",
                        Charts.bars("Turnaround hours by depot, 90th percentile", repairs.bars("p90Hours"))),
                ReportSection.Item.table("turnaround-table", repairs, "/ui/reports/turnaround.csv?" + range));
    }

    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
