package org.spares.cli;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.spares.config.DatabaseSetup;
import org.spares.db.JdbiSetup;
import org.spares.domain.DepotScope;
import org.spares.report.CsvReportWriter;
import org.spares.report.GroupBy;
import org.spares.service.LedgerChecker;
import org.spares.service.ReportService;
import org.spares.support.TestDatabase;
import org.spares.support.TestServices;


/** seed-bulk writes a ledger that check-ledger accepts, and the reports' totals agree however they are grouped. */
class SeedBulkTest {
    @Test
    void bulkLedgerIsValidAndReportsAgreeAcrossGroupings() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        DatabaseSetup.migrate(database.dataSource());
        Jdbi jdbi = JdbiSetup.configure(Jdbi.create(database.url(), database.user(), database.password()));
        jdbi.installPlugin(new SqlObjectPlugin());
        Instant end = Instant.parse("2026-06-01T00:00:00Z");
        Instant start = end.minus(Duration.ofDays(60));
        try (Handle handle = jdbi.open()) {
            SeedBulkCommand.seed(handle.getConnection(), 20_000, 4, 50, 3, start, end, done -> { });
        }
        assertThat(new LedgerChecker(TestServices.transactions(jdbi)).check(line -> { })).isEmpty();
        long count = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM ledger").mapTo(Long.class)
                .one());
        assertThat(count).isEqualTo(20_000L);
        ReportService reports = new ReportService(TestServices.transactions(jdbi));
        Instant from = start.plus(Duration.ofDays(10));
        List<String> totals = List.of(GroupBy.DEPOT, GroupBy.PART, GroupBy.CATEGORY).stream().map(grouping -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reports.carryingCost(from, end, grouping, DepotScope.all(), new CsvReportWriter(out));
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
            return lines[lines.length - 1];
        }).toList();
        assertThat(totals).hasSize(3).allMatch(total -> total.equals(totals.get(0)));
        assertThat(new BigDecimal(totals.get(0).split(",")[3])).isPositive();
        database.drop();
    }
}
