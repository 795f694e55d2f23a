package org.spares.report;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.db.PositionDao;
import org.spares.domain.Actor;
import org.spares.domain.Lifecycle;
import org.spares.domain.MovementType;
import org.spares.domain.Part;
import org.spares.domain.Role;
import org.spares.service.StockLedger;
import org.spares.support.ApiClient;
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * Turnaround over repair orders and dead stock over ISSUE rows. The repair flow is not on this branch, so the test
 * writes its repair orders with SQL and its ISSUE rows through StockLedger itself (without reservations, so this
 * class does not run check-ledger).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TurnaroundAndDeadStockTest {
    private static final TestApp APP = TestApp.clocked();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final Instant DAY = Instant.parse("2026-02-01T00:00:00Z");

    private ApiClient finance;

    @BeforeAll
    void setUp() {
        ClockedSparesApplication.CLOCK.set(DAY.minus(Duration.ofDays(30)));
        ApiClient admin = APP.admin();
        finance = APP.client(APP.token(Role.FINANCE));
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        for (String sku : new String[] {"P1", "P2", "P3"}) {
            Fixtures.part(admin, sku, 10);
            Fixtures.receive(admin, "NYC", sku, 5, 10);
        }
        assertThat(admin.post("/api/v1/movements", Fixtures.movement("SCRAP", "NYC", "P3", 5, null)).status())
                .isEqualTo(201);
        ClockedSparesApplication.CLOCK.set(DAY.minus(Duration.ofDays(20)));
        issue("NYC", "P1", 2);
        // NYC: 10 h (wait 2 h), 20 h, 60 h (wait 30 h, over its 48 h target); BOS: 5 h over a 4 h target
        order("NYC", "COMPLETED", 0, 10, 2, 48);
        order("NYC", "COMPLETED", 1, 20, 0, 48);
        order("NYC", "COMPLETED", 2, 60, 30, 48);
        order("NYC", "COMPLETED", -100, 30, 0, 48);
        order("NYC", "CANCELLED", 3, 5, 0, 48);
        order("BOS", "COMPLETED", 4, 5, 0, 4);
        ClockedSparesApplication.CLOCK.set(DAY.plus(Duration.ofDays(20)));
    }

    /** The orders completed in February (10, 20, 60 h in NYC; 5 h in BOS) by bucket: every bucket a row, empty ones too. */
    @Test
    void turnaroundDistributionCountsEachOrderInItsBucket() {
        JsonNode report = finance.get("/api/v1/reports/turnaround-distribution?from=2026-02-01&to=2026-03-01").json();
        assertThat(report.get("rows")).hasSize(9);
        StringBuilder counts = new StringBuilder();
        report.get("rows").forEach(row -> counts.append(row.get("key").asText()).append('=')
                .append(row.get("count").asLong()).append(' '));
        assertThat(counts.toString().strip()).isEqualTo(
                "0-4h=0 4-8h=1 8-24h=2 24-48h=0 48-72h=1 72-120h=0 120-168h=0 168-336h=0 336h+=0");
        JsonNode bucket = report.get("rows").get(2);
        assertThat(bucket.get("fromHours").asLong()).isEqualTo(8);
        assertThat(bucket.get("toHours").asLong()).isEqualTo(24);
        assertThat(bucket.get("share").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(bucket.get("cumulativeShare").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(report.get("rows").get(8).get("toHours").isNull()).isTrue();
        assertThat(report.get("total").get("count").asLong()).isEqualTo(4);
        JsonNode bos = APP.client(APP.token(Role.MANAGER, "BOS"))
                .get("/api/v1/reports/turnaround-distribution?from=2026-02-01").json();
        assertThat(bos.get("total").get("count").asLong()).isEqualTo(1);
        assertThat(bos.get("rows").get(1).get("count").asLong()).isEqualTo(1);
        JsonNode none = finance.get("/api/v1/reports/turnaround-distribution?from=2026-02-15").json();
        assertThat(none.get("total").get("count").asLong()).isZero();
        assertThat(none.get("rows").get(0).get("share").isNull()).isTrue();
    }

    @Test
    void turnaroundPerDepotAndTotal() {
        JsonNode report = finance.get("/api/v1/reports/turnaround?from=2026-02-01&to=2026-03-01").json();
        assertThat(report.get("to").asText()).isEqualTo("2026-02-21T00:00:00Z");
        JsonNode bos = report.get("rows").get(0);
        JsonNode nyc = report.get("rows").get(1);
        assertTurnaround(bos, "BOS", 1, "5", "5", "5", "0", "0");
        assertTurnaround(nyc, "NYC", 3, "30", "20", "60", "0.3556", "0.6667");
        assertTurnaround(report.get("total"), "total", 4, "23.75", "10", "60", "0.3368", "0.5");
        JsonNode scoped = APP.client(APP.token(Role.MANAGER, "BOS"))
                .get("/api/v1/reports/turnaround?from=2026-02-01").json();
        assertThat(scoped.get("rows")).hasSize(1);
        assertThat(scoped.get("total").get("count").asInt()).isEqualTo(1);
    }

    @Test
    void deadStockIsStockWithNoIssueInTheWindow() {
        JsonNode tenDays = finance.get("/api/v1/reports/dead-stock?asOf=2026-02-01&noIssueDays=10").json();
        assertThat(tenDays.get("rows")).hasSize(2);
        assertThat(tenDays.get("rows").get(0).get("key").asText()).isEqualTo("NYC/P1");
        assertThat(tenDays.get("rows").get(0).get("units").asInt()).isEqualTo(3);
        assertThat(tenDays.get("rows").get(0).get("lastIssueAt").asText()).isEqualTo("2026-01-12T00:00:00Z");
        assertThat(tenDays.get("rows").get(1).get("key").asText()).isEqualTo("NYC/P2");
        assertThat(tenDays.get("total").get("value").decimalValue()).isEqualByComparingTo("80");
        // 80 x 0.25 (the default holding rate) a year
        assertThat(tenDays.get("total").get("yearlyCarryingCost").decimalValue()).isEqualByComparingTo("20");
        JsonNode thirtyDays = finance.get("/api/v1/reports/dead-stock?asOf=2026-02-01&noIssueDays=30").json();
        assertThat(thirtyDays.get("rows")).hasSize(1);
        assertThat(thirtyDays.get("rows").get(0).get("key").asText()).isEqualTo("NYC/P2");
        JsonNode csv = finance.get("/api/v1/reports/dead-stock?asOf=2026-02-01&noIssueDays=30&format=csv").json();
        assertThat(csv).isNull();
    }

    private static void assertTurnaround(JsonNode row, String key, int count, String mean, String p50, String p90,
            String wait, String met) {
        assertThat(row.get("key").asText()).isEqualTo(key);
        assertThat(row.get("count").asInt()).isEqualTo(count);
        assertThat(row.get("meanHours").decimalValue()).as(key).isEqualByComparingTo(mean);
        assertThat(row.get("p50Hours").decimalValue()).as(key).isEqualByComparingTo(p50);
        assertThat(row.get("p90Hours").decimalValue()).as(key).isEqualByComparingTo(p90);
        assertThat(row.get("partsWaitShare").decimalValue()).as(key).isEqualByComparingTo(wait);
        assertThat(row.get("targetMetShare").decimalValue()).as(key).isEqualByComparingTo(met);
    }

    private static void order(String depot, String status, int openedDay, int hours, int waitHours, int target) {
        Instant opened = DAY.plus(Duration.ofDays(openedDay));
        Instant closed = opened.plus(Duration.ofHours(hours));
        APP.jdbi().useHandle(handle -> handle.createUpdate("""
                INSERT INTO repair_orders (depot_id, asset_tag, priority, priority_rank, status,
                       target_turnaround_hours, opened_at, opened_by, completed_at, cancelled_at, parts_wait_micros)
                VALUES ((SELECT id FROM depots WHERE code = :depot), 'A', 'NORMAL', 2, :status, :target, :opened, 1,
                        :completed, :cancelled, :wait)
                """).bind("depot", depot).bind("status", status).bind("target", BigDecimal.valueOf(target))
                .bind("opened", opened).bind("completed", status.equals("COMPLETED") ? closed : null)
                .bind("cancelled", status.equals("COMPLETED") ? null : closed)
                .bind("wait", waitHours * 3_600_000_000L).execute());
    }

    private static void issue(String depotCode, String sku, int quantity) {
        APP.jdbi().useTransaction(handle -> {
            Part part = StockLedger.lockPart(handle, sku);
            long depotId = handle.createQuery("SELECT id FROM depots WHERE code = :code").bind("code", depotCode)
                    .mapTo(Long.class).one();
            PositionDao.Row position = StockLedger.lockPosition(handle, depotId, part.id());
            assertThat(handle.attach(PositionDao.class).addOnHand(position.id(), -quantity)).isEqualTo(1);
            new StockLedger(ClockedSparesApplication.CLOCK).record(handle, new Actor(1, "test", "test"),
                    new StockLedger.Entry(MovementType.ISSUE, depotId, depotCode, part.id(), position.id(),
                            -quantity, position.onHand() - quantity, null, null, null, null, null));
        });
    }

}
