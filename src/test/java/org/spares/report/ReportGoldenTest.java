package org.spares.report;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
 * Reports over a small ledger built through the API on a hand-driven clock, against figures computed by hand.
 *
 * <pre>
 * VALVE (valves, unitCost 100, holdingRate 0.365 = 0.001/day), HOSE (hoses, 10, 0.73 = 0.002/day)
 * Jan 1 00:00  RECEIPT  NYC VALVE 10 @ 100     avg 100
 * Jan 2 00:00  RECEIPT  NYC HOSE   3 @ 10      avg 10
 * Jan 3 00:00  RECEIPT  BOS VALVE 10 @ 130     avg (10 x 100 + 10 x 130) / 20 = 115 (changes NYC's value too)
 * Jan 4 00:00  ship transfer NYC -> BOS VALVE 4   NYC 6, 4 in transit
 * Jan 6 00:00  receive it                          BOS 14
 * Jan 7 00:00  policy NYC VALVE target 2
 * Jan 8 00:00  SCRAP NYC VALVE 1                   NYC 5
 * now  Jan 11 00:00
 * </pre>
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportGoldenTest {
    private static final TestApp APP = TestApp.clocked();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient admin;
    private ApiClient finance;

    @BeforeAll
    void buildLedger() {
        at("2025-12-20T00:00:00Z");
        admin = APP.admin();
        finance = APP.client(APP.token(Role.FINANCE));
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        part("VALVE", "valves", 100, "0.365");
        part("HOSE", "hoses", 10, "0.73");
        at("2026-01-01T00:00:00Z");
        Fixtures.receive(admin, "NYC", "VALVE", 10, 100);
        at("2026-01-02T00:00:00Z");
        Fixtures.receive(admin, "NYC", "HOSE", 3, 10);
        at("2026-01-03T00:00:00Z");
        Fixtures.receive(admin, "BOS", "VALVE", 10, 130);
        at("2026-01-04T00:00:00Z");
        Reply transfer = admin.post("/api/v1/transfers", Map.of("fromDepot", "NYC", "toDepot", "BOS", "sku", "VALVE",
                "quantity", 4));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        long id = transfer.json().get("id").asLong();
        assertThat(admin.post("/api/v1/transfers/" + id + "/ship", null).status()).isEqualTo(200);
        at("2026-01-06T00:00:00Z");
        assertThat(admin.post("/api/v1/transfers/" + id + "/receive", null).status()).isEqualTo(200);
        at("2026-01-07T00:00:00Z");
        assertThat(admin.put("/api/v1/depots/NYC/stock/VALVE/policy", Map.of("targetLevel", 2, "reorderPoint", 1,
                "reason", "test")).status()).isEqualTo(200);
        at("2026-01-08T00:00:00Z");
        assertThat(admin.post("/api/v1/movements", Fixtures.movement("SCRAP", "NYC", "VALVE", 1, null)).status())
                .isEqualTo(201);
        at("2026-01-11T00:00:00Z");
    }

    @AfterAll
    void ledgerIsExact() {
        Fixtures.assertLedgerExact(APP);
    }

    @Test
    void carryingCostByDepotWithAReceiptElsewhereMidPeriod() {
        // NYC VALVE: 10 x 100 x 1d + 10 x 115 x 1d + 6 x 115 x 4d + 5 x 115 x 2d = 6060 value-days, 54 unit-days;
        // NYC HOSE 3 x 10 x 8d = 240, 24; BOS VALVE 10 x 115 x 3d + 14 x 115 x 4d = 9890, 86 (4 in transit: none).
        JsonNode report = finance.get("/api/v1/reports/carrying-cost?from=2026-01-02&to=2026-01-10").json();
        assertThat(report.get("from").asText()).isEqualTo("2026-01-02T00:00:00Z");
        assertThat(report.get("to").asText()).isEqualTo("2026-01-10T00:00:00Z");
        assertRow(report.get("rows").get(0), "BOS", "10.75", "1236.25", "9.89");
        assertRow(report.get("rows").get(1), "NYC", "9.75", "787.5", "6.54");
        assertThat(report.get("rows")).hasSize(2);
        assertRow(report.get("total"), "total", "20.5", "2023.75", "16.43");
    }

    @Test
    void carryingCostByPartAndCategory() {
        JsonNode byPart = finance.get("/api/v1/reports/carrying-cost?from=2026-01-02&to=2026-01-10&groupBy=part")
                .json();
        assertRow(byPart.get("rows").get(0), "HOSE", "3", "30", "0.48");
        assertRow(byPart.get("rows").get(1), "VALVE", "17.5", "1993.75", "15.95");
        JsonNode byCategory = finance.get(
                "/api/v1/reports/carrying-cost?from=2026-01-02&to=2026-01-10&groupBy=category").json();
        assertRow(byCategory.get("rows").get(0), "hoses", "3", "30", "0.48");
        assertRow(byCategory.get("rows").get(1), "valves", "17.5", "1993.75", "15.95");
        assertRow(byCategory.get("total"), "total", "20.5", "2023.75", "16.43");
    }

    @Test
    void periodStartingBeforeTheFirstMovementAndEndingWithUnitsInTransit() {
        // Dec 30 .. Jan 5 (6 days). NYC VALVE 10 x 100 x 2d + 10 x 115 x 1d + 6 x 115 x 1d = 3840 (36 unit-days),
        // NYC HOSE 3 x 10 x 3d = 90 (9); BOS VALVE 10 x 115 x 2d = 2300 (20); the 4 in transit count nowhere.
        JsonNode report = finance.get("/api/v1/reports/carrying-cost?from=2025-12-30&to=2026-01-05T00:00:00Z").json();
        assertRow(report.get("rows").get(0), "BOS", "3.3333", "383.3333", "2.3");
        assertRow(report.get("rows").get(1), "NYC", "7.5", "655", "4.02");
        assertRow(report.get("total"), "total", "10.8333", "1038.3333", "6.32");
    }

    @Test
    void periodEndsAtNow() {
        // to in the future is capped at now (Jan 11): NYC VALVE 5 x 115 x 3d more, NYC HOSE 3 x 10 x 1d more ...
        JsonNode report = finance.get("/api/v1/reports/carrying-cost?from=2026-01-10&to=2027-01-01").json();
        assertThat(report.get("to").asText()).isEqualTo("2026-01-11T00:00:00Z");
        // one day: NYC 5 x 115 + 3 x 10 = 605 (cost 0.575 + 0.06), BOS 14 x 115 = 1610 (cost 1.61)
        assertRow(report.get("rows").get(0), "BOS", "14", "1610", "1.61");
        assertRow(report.get("rows").get(1), "NYC", "8", "605", "0.635");
    }

    @Test
    void valuationWithUnitsInTransitAttributedToTheDestination() {
        JsonNode report = finance.get("/api/v1/reports/valuation?asOf=2026-01-05").json();
        assertThat(report.get("asOf").asText()).isEqualTo("2026-01-05T00:00:00Z");
        assertValuation(report.get("rows").get(0), "BOS", 10, "1150", 4, "460");
        assertValuation(report.get("rows").get(1), "NYC", 9, "720", 0, "0");
        assertValuation(report.get("total"), "total", 19, "1870", 4, "460");
        JsonNode byPart = finance.get("/api/v1/reports/valuation?asOf=2026-01-02T12:00:00Z&groupBy=part").json();
        assertValuation(byPart.get("rows").get(0), "HOSE", 3, "30", 0, "0");
        assertValuation(byPart.get("rows").get(1), "VALVE", 10, "1000", 0, "0");
    }

    @Test
    void excessAgainstTheTargetLevelInForceThen() {
        JsonNode now = finance.get("/api/v1/reports/excess").json();
        // BOS VALVE 14 over 0 (no policy), NYC HOSE 3 over 0, NYC VALVE 5 over target 2
        JsonNode rows = now.get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("key").asText()).isEqualTo("BOS/VALVE");
        assertThat(rows.get(2).get("key").asText()).isEqualTo("NYC/VALVE");
        assertThat(rows.get(2).get("targetLevel").asInt()).isEqualTo(2);
        assertThat(rows.get(2).get("excessUnits").asInt()).isEqualTo(3);
        assertThat(rows.get(2).get("excessValue").decimalValue()).isEqualByComparingTo("345");
        assertThat(rows.get(2).get("yearlyCarryingCost").decimalValue()).isEqualByComparingTo("125.925");
        assertThat(now.get("total").get("excessValue").decimalValue()).isEqualByComparingTo("1985");
        JsonNode before = finance.get("/api/v1/reports/excess?asOf=2026-01-06T12:00:00Z").json();
        assertThat(before.get("rows").get(2).get("targetLevel").asInt()).isZero();
        assertThat(before.get("rows").get(2).get("excessUnits").asInt()).isEqualTo(6);
    }

    @Test
    void csvIsTheSameReportWithAHeaderAndTheTotalLast() {
        Reply csv = finance.get("/api/v1/reports/carrying-cost?from=2026-01-02&to=2026-01-10&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("key,averageOnHandUnits,averageInventoryValue,carryingCost\r\n"
                + "BOS,10.75,1236.25,9.89\r\nNYC,9.75,787.5,6.54\r\ntotal,20.5,2023.75,16.43\r\n");
        Reply accepted = finance.send("GET", "/api/v1/reports/valuation?asOf=2026-01-05", null,
                Map.of("Accept", "text/csv"));
        assertThat(accepted.body()).isEqualTo("key,units,value,inTransitUnits,inTransitValue\r\n"
                + "BOS,10,1150,4,460\r\nNYC,9,720,0,0\r\ntotal,19,1870,4,460\r\n");
    }

    @Test
    void managersSeeOnlyTheirDepotsAndBadParametersAre400() {
        ApiClient nyc = APP.client(APP.token(Role.MANAGER, "NYC"));
        JsonNode report = nyc.get("/api/v1/reports/carrying-cost?from=2026-01-02&to=2026-01-10").json();
        assertThat(report.get("rows")).hasSize(1);
        assertRow(report.get("total"), "total", "9.75", "787.5", "6.54");
        assertThat(nyc.get("/api/v1/reports/valuation?depot=BOS").status()).isEqualTo(403);
        assertThat(finance.get("/api/v1/reports/valuation?depot=NOPE").status()).isEqualTo(404);
        assertThat(APP.client(APP.token(Role.TECHNICIAN, "NYC")).get("/api/v1/reports/excess").status())
                .isEqualTo(403);
        for (String bad : new String[] {"/api/v1/reports/carrying-cost", "/api/v1/reports/carrying-cost?from=x",
                "/api/v1/reports/carrying-cost?from=2026-01-05&to=2026-01-05",
                "/api/v1/reports/carrying-cost?from=2026-01-02&groupBy=sku",
                "/api/v1/reports/valuation?format=xml", "/api/v1/reports/dead-stock?noIssueDays=0"}) {
            Reply reply = finance.get(bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("VALIDATION_FAILED");
        }
    }

    private static void assertRow(JsonNode row, String key, String units, String value, String cost) {
        assertThat(row.get("key").asText()).isEqualTo(key);
        assertThat(row.get("averageOnHandUnits").decimalValue()).as(key + " units").isEqualByComparingTo(units);
        assertThat(row.get("averageInventoryValue").decimalValue()).as(key + " value").isEqualByComparingTo(value);
        assertThat(row.get("carryingCost").decimalValue()).as(key + " cost").isEqualByComparingTo(cost);
    }

    private static void assertValuation(JsonNode row, String key, int units, String value, int transit,
            String transitValue) {
        assertThat(row.get("key").asText()).isEqualTo(key);
        assertThat(row.get("units").asInt()).as(key).isEqualTo(units);
        assertThat(row.get("value").decimalValue()).as(key).isEqualByComparingTo(value);
        assertThat(row.get("inTransitUnits").asInt()).as(key).isEqualTo(transit);
        assertThat(row.get("inTransitValue").decimalValue()).as(key).isEqualByComparingTo(transitValue);
    }

    private void part(String sku, String category, int unitCost, String holdingRate) {
        Reply reply = admin.post("/api/v1/parts", Map.of("sku", sku, "name", sku, "category", category,
                "unitCost", unitCost, "holdingRate", new java.math.BigDecimal(holdingRate), "leadTimeDays", 10));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static void at(String instant) {
        ClockedSparesApplication.CLOCK.set(Instant.parse(instant));
    }
}
