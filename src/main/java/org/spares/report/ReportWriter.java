package org.spares.report;

import java.util.List;
import java.util.Map;

/**
 * Where a report goes, row by row, so no report holds its rows in memory: JSON ({@code {header..., "rows": [...],
 * "total": {...}}}) or CSV (a header row, one line per row, the total last). Cells are BigDecimal (already rounded),
 * Integer, Long, String, Instant or null.
 */
public interface ReportWriter {
    /** The report's own fields ({@code from}, {@code to}, {@code asOf}) and the columns of every row. */
    void start(Map<String, Object> header, List<String> columns);

    void row(List<Object> cells);

    /** The total row, whose key is "total"; written once, after every row. */
    void total(List<Object> cells);

    void finish();
}
