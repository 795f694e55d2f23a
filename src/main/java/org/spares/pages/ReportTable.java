package org.spares.pages;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spares.report.ReportWriter;

/**
 * A report as the pages show it: the service writes it row by row, as to the API's writers; this keeps the first
 * {@code limit} rows (the CSV has them all), counts the rest, and keeps the total. Cells become text the way the
 * CSV writes numbers (plain, no grouping).
 */
public final class ReportTable implements ReportWriter {
    private final int limit;
    private List<String> columns = List.of();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<BigDecimal> chartValues = new ArrayList<>();
    private final String chartColumn;
    private List<String> total = List.of();
    private int count;

    /** @param chartColumn the column whose numbers the page charts (null: none) */
    public ReportTable(int limit, String chartColumn) {
        this.limit = limit;
        this.chartColumn = chartColumn;
    }

    @Override
    public void start(Map<String, Object> header, List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public void row(List<Object> cells) {
        count++;
        if (rows.size() < limit) {
            rows.add(text(cells));
            if (chartColumn != null) {
                Object value = cells.get(columns.indexOf(chartColumn));
                chartValues.add(value instanceof BigDecimal number ? number
                        : value instanceof Number number ? BigDecimal.valueOf(number.longValue()) : BigDecimal.ZERO);
            }
        }
    }

    @Override
    public void total(List<Object> cells) {
        total = text(cells);
    }

    @Override
    public void finish() {
    }

    public List<String> getColumns() {
        return columns;
    }

    public List<List<String>> getRows() {
        return rows;
    }

    public List<String> getTotalRow() {
        return total;
    }

    /** Every row the report has; more than the rows shown when it was cut at the limit. */
    public int getCount() {
        return count;
    }

    public boolean isCut() {
        return count > rows.size();
    }

    /** The total's cell in a column, as a number (zero when the report has no total or no such column). */
    public BigDecimal totalOf(String column) {
        int at = columns.indexOf(column);
        return at < 0 || at >= total.size() || total.get(at).isEmpty() ? BigDecimal.ZERO : new BigDecimal(total.get(at));
    }

    /** The shown rows as bars: the row's key and its chart column. */
    public List<Charts.Bar> bars() {
        List<Charts.Bar> bars = new ArrayList<>();
        for (int i = 0; i < chartValues.size(); i++) {
            bars.add(new Charts.Bar(rows.get(i).get(0), chartValues.get(i)));
        }
        return bars;
    }

    /** The shown rows as bars of another numeric column. */
    public List<Charts.Bar> bars(String column) {
        int at = columns.indexOf(column);
        List<Charts.Bar> bars = new ArrayList<>();
        for (List<String> row : rows) {
            bars.add(new Charts.Bar(row.get(0), row.get(at).isEmpty() ? BigDecimal.ZERO : new BigDecimal(row.get(at))));
        }
        return bars;
    }

    private static List<String> text(List<Object> cells) {
        List<String> text = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            text.add(cell == null ? "" : cell instanceof BigDecimal number ? number.toPlainString()
                    : cell instanceof Instant instant ? instant.toString() : String.valueOf(cell));
        }
        return text;
    }
}
