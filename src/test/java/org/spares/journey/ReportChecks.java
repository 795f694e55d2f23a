package org.spares.journey;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;


/** What every report promises a reader: totals that add up, and a CSV that says what the JSON says. */
final class ReportChecks {
    /** Turnaround's statistics are not sums; its count is. */
    private static final Set<String> NOT_ADDITIVE = Set.of("meanHours", "p50Hours", "p90Hours",
            "partsWaitShare", "targetMetShare", "averageUnitCost", "targetLevel");
    /** Rows and the total are each rounded once, to 4 decimals: the sum of rounded rows may miss by half a unit each. */
    private static final BigDecimal HALF_UNIT = new BigDecimal("0.00005");

    private ReportChecks() {
    }

    static void assertTotalsAreTheSumOfRows(String query, JsonNode report) {
        JsonNode rows = report.get("rows");
        JsonNode total = report.get("total");
        assertThat(rows).as(query).isNotNull();
        assertThat(total).as(query).isNotNull();
        Iterator<String> fields = total.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!total.get(field).isNumber() || NOT_ADDITIVE.contains(field)) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode row : rows) {
                sum = sum.add(row.get(field).decimalValue());
            }
            BigDecimal allowance = HALF_UNIT.multiply(BigDecimal.valueOf(rows.size() + 1L));
            assertThat(sum.subtract(total.get(field).decimalValue()).abs()).as(query + " total." + field)
                    .isLessThanOrEqualTo(allowance);
        }
    }

    static void assertCsvMatchesJson(String query, String csv, JsonNode report) {
        List<CSVRecord> records = parse(csv);
        JsonNode rows = report.get("rows");
        assertThat(records).as(query + " CSV: header, rows, total").hasSize(rows.size() + 2);
        List<String> header = records.get(0).toList();
        assertThat(header.get(0)).isEqualTo("key");
        for (int index = 0; index < rows.size(); index++) {
            assertRecordMatches(query, header, records.get(index + 1), rows.get(index));
        }
        assertRecordMatches(query, header, records.get(records.size() - 1), report.get("total"));
    }

    private static void assertRecordMatches(String query, List<String> header, CSVRecord record, JsonNode row) {
        for (int column = 0; column < header.size(); column++) {
            JsonNode value = row.get(header.get(column));
            String cell = record.get(column);
            if (value == null || value.isNull()) {
                assertThat(cell).as(query + " " + header.get(column)).isEmpty();
            } else if (value.isNumber()) {
                assertThat(new BigDecimal(cell)).as(query + " " + header.get(column))
                        .isEqualByComparingTo(value.decimalValue());
            } else {
                // a text cell may carry the formula guard's leading quote; the text after it is the JSON's
                assertThat(cell).as(query + " " + header.get(column)).endsWith(value.asText());
            }
        }
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return new ArrayList<>(CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
