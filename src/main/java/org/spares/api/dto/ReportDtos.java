package org.spares.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of every report, for the OpenAPI description only: reports are streamed row by row
 * (report.ReportWriter), never built as one object. Which header fields appear depends on the report.
 */
public final class ReportDtos {
    private ReportDtos() {
    }

    /** A report: its header fields, one object per row (column name to cell) and the total row. */
    @Schema(name = "Report")
    public record ReportView(
            @Schema(description = "Start of the period (carrying-cost, turnaround)") Instant from,
            @Schema(description = "End of the period (carrying-cost, turnaround)") Instant to,
            @Schema(description = "The instant the report is taken at (valuation, excess, dead-stock)") Instant asOf,
            @Schema(description = "dead-stock only") Integer noIssueDays,
            @Schema(description = "One object per row: column name to cell (number, string or null)")
            List<Map<String, Object>> rows,
            @Schema(description = "The total row, same columns") Map<String, Object> total) {
    }
}
