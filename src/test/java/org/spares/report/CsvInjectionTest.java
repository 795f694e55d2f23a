package org.spares.report;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Lifecycle;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * Every CSV export (the five reports) writes text that a spreadsheet would run as a formula with a leading single
 * quote, and numbers as they are. The hostile names: depot {@code -NY}, sku {@code -A1}, category
 * {@code =HYPERLINK("http://evil.example","x")}; sku {@code -B2} in category {@code @SUM(A1)}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvInjectionTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"x\")";

    private ApiClient finance;
    private String from;

    @BeforeAll
    void hostileNames() {
        from = Instant.now().minusSeconds(3600).toString();
        ApiClient admin = APP.admin();
        finance = APP.client(APP.token(Role.FINANCE));
        Fixtures.depot(admin, "-NY");
        part(admin, "-A1", HYPERLINK);
        part(admin, "-B2", "@SUM(A1)");
        Fixtures.receive(admin, "-NY", "-A1", 5, 10);
        Fixtures.receive(admin, "-NY", "-B2", 2, 3);
        long order = Fixtures.repairOrder(admin, "-NY", "HIGH");
        Reply completed = admin.post("/api/v1/repair-orders/" + order + "/complete", null);
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
    }

    @Test
    void carryingCostByCategory() {
        List<CSVRecord> rows = csv("carrying-cost?groupBy=category&from=" + from);
        assertThat(column(rows, 0)).containsExactly("'" + HYPERLINK, "'@SUM(A1)", "total");
        assertNumbers(rows, 1, 2, 3);
    }

    @Test
    void valuationByPart() {
        List<CSVRecord> rows = csv("valuation?groupBy=part");
        assertThat(column(rows, 0)).containsExactly("'-A1", "'-B2", "total");
        assertNumbers(rows, 1, 2, 3, 4);
    }

    @Test
    void excess() {
        List<CSVRecord> rows = csv("excess");
        assertThat(column(rows, 0)).containsExactly("'-NY/-A1", "'-NY/-B2", "total");
        assertThat(column(rows, 1)).containsExactly("'-NY", "'-NY", "");
        assertThat(column(rows, 2)).containsExactly("'-A1", "'-B2", "");
        assertNumbers(rows, 3, 4, 5, 7);
    }

    @Test
    void deadStock() {
        List<CSVRecord> rows = csv("dead-stock");
        assertThat(column(rows, 0)).containsExactly("'-NY/-A1", "'-NY/-B2", "total");
        assertThat(column(rows, 2)).containsExactly("'-A1", "'-B2", "");
        assertNumbers(rows, 3, 5, 7);
    }

    @Test
    void turnaround() {
        List<CSVRecord> rows = csv("turnaround?from=" + from);
        assertThat(column(rows, 0)).containsExactly("'-NY", "total");
        assertNumbers(rows, 1, 2);
    }

    private List<CSVRecord> csv(String report) {
        Reply reply = finance.get("/api/v1/reports/" + report + (report.contains("?") ? "&" : "?") + "format=csv");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(reply.body())).getRecords();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static List<String> column(List<CSVRecord> rows, int index) {
        return rows.stream().map(row -> row.get(index)).toList();
    }

    /** Number columns carry plain numbers, never a quote. */
    private static void assertNumbers(List<CSVRecord> rows, int... indexes) {
        for (CSVRecord row : rows) {
            for (int index : indexes) {
                assertThat(new BigDecimal(row.get(index))).as(row.toString()).isNotNull();
            }
        }
    }

    private static void part(ApiClient admin, String sku, String category) {
        Reply reply = admin.post("/api/v1/parts", Map.of("sku", sku, "name", "Part " + sku, "category", category,
                "unitCost", 10, "leadTimeDays", 10));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
