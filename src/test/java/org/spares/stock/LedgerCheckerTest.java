package org.spares.stock;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.service.LedgerChecker;
import org.spares.support.ApiClient;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;
import org.spares.support.TestServices;


/** check-ledger finds a clean ledger clean, and names each kind of corruption written behind the service's back. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LedgerCheckerTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    @Test
    void findsEveryCorruption() {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        Fixtures.part(admin, "CHK", 10.0);
        Fixtures.receive(admin, "NYC", "CHK", 10, 12.0);
        Fixtures.receive(admin, "NYC", "CHK", 10, 14.0);
        long transfer = admin.post("/api/v1/transfers", Map.of("fromDepot", "NYC", "toDepot", "BOS", "sku", "CHK",
                "quantity", 2)).json().get("id").asLong();
        admin.post("/api/v1/transfers/" + transfer + "/ship", null);
        LedgerChecker checker = new LedgerChecker(TestServices.transactions(APP.jdbi()));
        assertThat(checker.check(line -> { })).isEmpty();

        corrupt("UPDATE positions SET on_hand = on_hand + 1 WHERE inbound = 0 AND on_hand > 0");
        assertThat(String.join("\n", checker.check(line -> { }))).contains("invariant 3", "units owned");
        corrupt("UPDATE positions SET on_hand = on_hand - 1 WHERE inbound = 0 AND on_hand > 0");

        corrupt("UPDATE positions SET inbound = inbound + 1 WHERE inbound > 0");
        assertThat(String.join("\n", checker.check(line -> { }))).contains("invariant 4");
        corrupt("UPDATE positions SET inbound = inbound - 1 WHERE inbound > 0");

        long lastReceipt = APP.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT MAX(id) FROM ledger WHERE type = 'RECEIPT'").mapTo(Long.class).one());
        corrupt("UPDATE ledger SET average_unit_cost_after = 99 WHERE id = " + lastReceipt);
        List<String> averages = checker.check(line -> { });
        assertThat(String.join("\n", averages)).contains("averageUnitCostAfter 99");

        corrupt("UPDATE ledger SET average_unit_cost_after = 12 WHERE id = " + lastReceipt);
        corrupt("UPDATE ledger SET cost_time_micros = cost_time_micros + 1 WHERE id = " + lastReceipt);
        assertThat(String.join("\n", checker.check(line -> { }))).contains("cost-time accumulator");

        corrupt("UPDATE ledger SET cost_time_micros = cost_time_micros - 1 WHERE id = " + lastReceipt);

        // the reports' running totals: a row's, then the copy on the position row
        corrupt("UPDATE ledger SET value_micros = value_micros + 1 WHERE id = " + lastReceipt);
        assertThat(String.join("\n", checker.check(line -> { }))).contains("running totals");
        corrupt("UPDATE ledger SET value_micros = value_micros - 1 WHERE id = " + lastReceipt);
        corrupt("UPDATE ledger SET unit_micros = unit_micros + 1 WHERE id = " + lastReceipt);
        assertThat(String.join("\n", checker.check(line -> { }))).contains("running totals");
        corrupt("UPDATE ledger SET unit_micros = unit_micros - 1 WHERE id = " + lastReceipt);
        corrupt("UPDATE positions SET unit_micros = unit_micros + 1 WHERE on_hand > 0");
        assertThat(String.join("\n", checker.check(line -> { }))).contains("a position's running totals");
        corrupt("UPDATE positions SET unit_micros = unit_micros - 1 WHERE on_hand > 0");
        corrupt("UPDATE positions SET first_row_at = last_row_at WHERE on_hand > 0");
        assertThat(String.join("\n", checker.check(line -> { }))).contains("a position's running totals");
        corrupt("UPDATE positions SET first_row_at = NULL WHERE on_hand > 0");
        assertThat(String.join("\n", checker.check(line -> { }))).contains("a position's running totals");
        corrupt("UPDATE positions SET first_row_at = (SELECT MIN(l.at) FROM ledger l WHERE l.depot_id ="
                + " positions.depot_id AND l.part_id = positions.part_id) WHERE on_hand > 0");
        corrupt("UPDATE ledger SET last_issue_at = at WHERE id = " + lastReceipt);
        assertThat(String.join("\n", checker.check(line -> { }))).contains("running totals");
        corrupt("UPDATE ledger SET last_issue_at = NULL WHERE id = " + lastReceipt);
        assertThat(String.join("\n", checker.check(line -> { }))).doesNotContain("running totals");

        corrupt("UPDATE transfers SET status = 'RECEIVED'");
        assertThat(String.join("\n", checker.check(line -> { }))).contains("invariant 7", "invariant 4");
    }

    private static void corrupt(String sql) {
        APP.jdbi().useHandle(handle -> handle.execute(sql));
    }
}
