package org.spares.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spares.config.DatabaseSetup;
import org.spares.db.JdbiSetup;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Lifecycle;
import org.spares.service.LedgerChecker;
import org.spares.service.StoreContents;
import org.spares.support.TestDatabase;
import org.spares.support.TestServices;


/**
 * seed-demo's history on the database under test: a small seed leaves the ledger exact and holds every kind of
 * activity (repair orders, issues, backorders filled on arrival, transfers), the same seed gives the same
 * history, and a database that is not empty is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSeederTest {
    private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    private static final DemoSettings SMALL = new DemoSettings(3, 30, 90, 7, END);

    private Jdbi jdbi;
    private DemoCounts counts;

    @BeforeAll
    void seed() {
        jdbi = freshDatabase();
        counts = seeder(jdbi).seed(SMALL, line -> { });
    }

    @Test
    void theLedgerIsExactAfterTheWholeHistory() {
        assertThat(new LedgerChecker(TestServices.transactions(jdbi)).check(line -> { })).isEmpty();
    }

    @Test
    void theHistoryHoldsEveryKindOfActivityInsideItsWindow() {
        assertThat(count("SELECT COUNT(*) FROM depots")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM parts")).isEqualTo(30);
        assertThat(count("SELECT COUNT(*) FROM repair_orders")).isEqualTo(counts.repairOrders()).isGreaterThan(300);
        assertThat(count("SELECT COUNT(*) FROM repair_orders WHERE status = 'COMPLETED'")).isGreaterThan(250);
        assertThat(count("SELECT COUNT(*) FROM repair_orders WHERE status = 'CANCELLED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM ledger WHERE type = 'ISSUE'")).isGreaterThan(200);
        assertThat(count("SELECT COUNT(*) FROM ledger WHERE type = 'RECEIPT'")).isGreaterThan(50);
        assertThat(count("SELECT COUNT(*) FROM reservations WHERE status = 'RELEASED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM reservations WHERE status = 'ISSUED' AND backordered_at IS NOT NULL"))
                .as("backorders filled on arrival and then issued").isPositive();
        assertThat(count("SELECT COUNT(*) FROM state_changes WHERE entity = 'RESERVATION' AND from_status ="
                + " 'BACKORDERED' AND to_status = 'HELD'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM transfers WHERE status = 'RECEIVED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM policy_history")).isPositive();
        Instant first = jdbi.withHandle(h -> h.createQuery("SELECT MIN(at) FROM ledger").mapTo(Instant.class).one());
        Instant last = jdbi.withHandle(h -> h.createQuery("SELECT MAX(at) FROM ledger").mapTo(Instant.class).one());
        assertThat(first).isAfterOrEqualTo(SMALL.start());
        assertThat(last).isBefore(END);
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        DemoSettings tiny = new DemoSettings(2, 10, 30, 11, END);
        Jdbi first = freshDatabase();
        Jdbi second = freshDatabase();
        seeder(first).seed(tiny, line -> { });
        seeder(second).seed(tiny, line -> { });
        assertThat(fingerprint(second)).hasSizeGreaterThan(100).isEqualTo(fingerprint(first));
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefused() {
        assertThatThrownBy(() -> seeder(jdbi).seed(SMALL, line -> { }))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessageContaining("empty database");
    }

    private long count(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> fingerprint(Jdbi database) {
        List<String> rows = new ArrayList<>(database.withHandle(handle -> handle.createQuery("""
                SELECT l.at, l.type, d.code, pt.sku, l.quantity, l.unit_cost, l.on_hand_after
                  FROM ledger l JOIN depots d ON d.id = l.depot_id JOIN parts pt ON pt.id = l.part_id ORDER BY l.id
                """).map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                + rs.getString(4) + " " + rs.getInt(5) + " " + rs.getBigDecimal(6).stripTrailingZeros() + " "
                + rs.getInt(7)).list()));
        rows.addAll(database.withHandle(handle -> handle.createQuery(
                "SELECT status, priority, opened_at FROM repair_orders ORDER BY id").map((rs, ctx) -> rs.getString(1)
                + " " + rs.getString(2) + " " + rs.getString(3)).list()));
        return rows;
    }

    private static DemoSeeder seeder(Jdbi database) {
        return new DemoSeeder(clock -> TestServices.services(TestServices.transactions(database), clock),
                new StoreContents(TestServices.transactions(database)));
    }

    private static Jdbi freshDatabase() {
        TestDatabase database = TestDatabase.fresh();
        Jdbi jdbi = JdbiSetup.configure(Jdbi.create(database.url(), database.user(), database.password()));
        jdbi.installPlugin(new SqlObjectPlugin());
        DatabaseSetup.migrate(database.dataSource());
        return jdbi;
    }
}
