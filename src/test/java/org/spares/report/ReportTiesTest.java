package org.spares.report;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * Report instants inside the history (so each position's last row comes from the ledger, depot by depot) where a
 * position has several rows at one instant: the last written one counts. Depots and parts are created in an order
 * unlike their codes and skus, so the position reports' depot code then sku order is not the id order.
 *
 * <pre>
 * VALVE (100), HOSE (10); depots NYC (created first), BOS
 * Jan 1 00:00  RECEIPT NYC VALVE 10 @ 100, then SCRAP NYC VALVE 3 (same instant)   NYC VALVE 7
 *              RECEIPT NYC HOSE 1 @ 10, RECEIPT BOS VALVE 1 @ 100                  avg VALVE 100
 * Jan 3 00:00  RECEIPT NYC VALVE 2 @ 100                                           NYC VALVE 9
 * now  Jan 5 00:00
 * </pre>
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTiesTest {
    private static final TestApp APP = TestApp.clocked();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient finance;

    @BeforeAll
    void buildLedger() {
        at("2025-12-20T00:00:00Z");
        ApiClient admin = APP.admin();
        finance = APP.client(APP.token(Role.FINANCE));
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        part(admin, "VALVE", 100);
        part(admin, "HOSE", 10);
        at("2026-01-01T00:00:00Z");
        Fixtures.receive(admin, "NYC", "VALVE", 10, 100);
        Reply scrap = admin.post("/api/v1/movements", Fixtures.movement("SCRAP", "NYC", "VALVE", 3, null));
        assertThat(scrap.status()).as(scrap.body()).isEqualTo(201);
        Fixtures.receive(admin, "NYC", "HOSE", 1, 10);
        Fixtures.receive(admin, "BOS", "VALVE", 1, 100);
        at("2026-01-03T00:00:00Z");
        Fixtures.receive(admin, "NYC", "VALVE", 2, 100);
        at("2026-01-05T00:00:00Z");
    }

    @Test
    void valuationCountsTheLastRowOfAnInstant() {
        for (String asOf : List.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")) {
            JsonNode report = finance.get("/api/v1/reports/valuation?asOf=" + asOf + "&groupBy=part").json();
            assertThat(keys(report)).as(asOf).containsExactly("HOSE", "VALVE");
            assertThat(report.get("rows").get(1).get("units").asInt()).as(asOf).isEqualTo(8);
            assertThat(report.get("rows").get(1).get("value").decimalValue()).as(asOf)
                    .isEqualByComparingTo(new BigDecimal("800"));
        }
    }

    @Test
    void excessAndDeadStockInDepotCodeThenSkuOrder() {
        JsonNode excess = finance.get("/api/v1/reports/excess?asOf=2026-01-02").json();
        assertThat(keys(excess)).containsExactly("BOS/VALVE", "NYC/HOSE", "NYC/VALVE");
        assertThat(excess.get("rows").get(2).get("onHand").asInt()).isEqualTo(7);
        assertThat(excess.get("total").get("onHand").asInt()).isEqualTo(9);
        JsonNode dead = finance.get("/api/v1/reports/dead-stock?asOf=2026-01-02&noIssueDays=1").json();
        assertThat(keys(dead)).containsExactly("BOS/VALVE", "NYC/HOSE", "NYC/VALVE");
        assertThat(dead.get("rows").get(2).get("units").asInt()).isEqualTo(7);
    }

    @Test
    void carryingCostInsideTheHistory() {
        // NYC: VALVE 7 x 100 + HOSE 1 x 10 on hand through [Jan 1 12:00, Jan 2 12:00).
        JsonNode report = finance.get(
                "/api/v1/reports/carrying-cost?from=2026-01-01T12:00:00Z&to=2026-01-02T12:00:00Z").json();
        assertThat(keys(report)).containsExactly("BOS", "NYC");
        assertThat(report.get("rows").get(1).get("averageOnHandUnits").decimalValue())
                .isEqualByComparingTo(new BigDecimal("8"));
        assertThat(report.get("rows").get(1).get("averageInventoryValue").decimalValue())
                .isEqualByComparingTo(new BigDecimal("710"));
    }

    private static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.get("rows").forEach(row -> keys.add(row.get("key").asText()));
        return keys;
    }

    private static void part(ApiClient admin, String sku, int unitCost) {
        Reply reply = admin.post("/api/v1/parts", Map.of("sku", sku, "name", sku, "category", "c", "unitCost",
                unitCost, "holdingRate", new BigDecimal("0.365"), "leadTimeDays", 10));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static void at(String instant) {
        ClockedSparesApplication.CLOCK.set(Instant.parse(instant));
    }
}
