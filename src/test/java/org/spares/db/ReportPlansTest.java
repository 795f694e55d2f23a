package org.spares.db;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spares.cli.SeedBulkCommand;
import org.spares.domain.Lifecycle;
import org.spares.support.TestDatabase;


/**
 * The reports' reads of a position's or a part's last row at an instant are index-driven on both databases, so the
 * work does not grow with the rows per part: on H2 the last instant is one backward read of an index per position
 * (no sort, no scan of the position's rows); on MySQL/MariaDB a loose index scan, one dive per position. Proven on the plan the database chooses for a ledger of one part with 3,000 rows at two
 * depots (the shape on which the previous MAX(at) ... GROUP BY form scanned a part's rows once per row on H2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPlansTest {
    private static final Instant END = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant MIDDLE = END.minus(Duration.ofDays(30));

    private final TestDatabase database = TestDatabase.fresh();
    private Jdbi jdbi;

    @BeforeAll
    void oneBusyPart() throws Exception {
        jdbi = database.migratedJdbi();
        try (Handle handle = jdbi.open()) {
            SeedBulkCommand.seed(handle.getConnection(), 3_000, 2, 1, 7, END.minus(Duration.ofDays(60)), END,
                    done -> { });
            if (!TestDatabase.usesMySql()) {
                handle.execute("ANALYZE");
            } else {
                handle.execute("ANALYZE TABLE ledger, positions, parts");
            }
        }
    }

    @AfterAll
    void drop() {
        database.drop();
    }

    @Test
    void aPartsLastInstantIsOneBackwardReadOfItsIndex() {
        assertIndexDriven(ReportDao.anchors(TestDatabase.usesMySql()), Map.of("at", MIDDLE), "ix_ledger_part_at");
    }

    @Test
    void aPositionsLastInstantIsOneBackwardReadOfItsIndex() {
        long depotId = jdbi.withHandle(handle -> handle.createQuery("SELECT MIN(id) FROM depots").mapTo(Long.class)
                .one());
        for (boolean before : List.of(false, true)) {
            assertIndexDriven(ReportDao.lastRowsOfDepot(true, before, TestDatabase.usesMySql()),
                    Map.of("at", MIDDLE, "depotId", depotId),
                    "ix_ledger_position_totals");
        }
    }

    private void assertIndexDriven(String sql, Map<String, Object> binds, String index) {
        jdbi.useHandle(handle -> {
            if (TestDatabase.usesMySql()) {
                assertMariaDbPlan(handle, sql, binds, index);
                return;
            }
            String plan = handle.createQuery("EXPLAIN " + sql).bindMap(binds).mapTo(String.class).one();
            // The subquery finding the last instant reads the index in its own order and stops at the first row.
            String subquery = plan.substring(plan.indexOf("(SELECT"));
            assertThat(subquery).as(plan).contains(index).contains("index sorted").contains("FETCH FIRST ROW ONLY");
            assertThat(plan).as(plan).doesNotContain("GROUP BY").doesNotContain("ledger.tableScan");
        });
    }

    /**
     * Every ledger access uses an index (never a full scan), and each position's or part's last instant comes from a
     * loose index scan ("Using index for group-by": one dive per group, not its rows; MariaDB may then sort the
     * groups, one row per position, which is not rows per part).
     */
    private static void assertMariaDbPlan(Handle handle, String sql, Map<String, Object> binds, String index) {
        List<Map<String, Object>> rows = handle.createQuery("EXPLAIN " + sql).bindMap(binds).mapToMap().list();
        List<Map<String, Object>> ledger = rows.stream().filter(row -> List.of("l", "ledger", "p")
                .contains(String.valueOf(row.get("table")))).toList();
        assertThat(ledger).as(rows.toString()).isNotEmpty();
        for (Map<String, Object> row : ledger) {
            assertThat(String.valueOf(row.get("type"))).as(rows.toString()).isNotEqualTo("ALL");
        }
        assertThat(rows).as(rows.toString()).anyMatch(row -> index.equals(row.get("key"))
                && String.valueOf(row.get("extra")).contains("Using index for group-by"));
        // The join back to the rows at that instant goes through the same index: through ix_ledger_at it reads
        // every row at the instant, all of an opening balance's rows for each part.
        assertThat(rows).as(rows.toString()).filteredOn(row -> "l".equals(row.get("table")))
                .allMatch(row -> index.equals(row.get("key")));
    }
}
