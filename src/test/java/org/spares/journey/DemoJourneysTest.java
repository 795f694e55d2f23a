package org.spares.journey;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.DatabaseSetup;
import org.spares.config.SparesConfiguration;
import org.spares.demo.DemoSeeder;
import org.spares.demo.DemoSettings;
import org.spares.domain.Lifecycle;
import org.spares.domain.Role;
import org.spares.service.StoreContents;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;
import org.spares.support.TestServices;


/**
 * Each user's day, through HTTP, on a seed-demo history of realistic size (3 depots x 60 parts x 180 days): the
 * shape that hand-made fixtures hide (slow movers, lumpy demand, parts without demand, backorders in the past).
 * Managers optimize each depot and all of them, replay every run's model and apply it; finance reads every report
 * in JSON and CSV; a technician takes a repair order through a backorder to completion; the ledger stays exact.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoJourneysTest {
    private static final int DAYS = 180;
    private static final List<String> DEPOTS = List.of("NYC", "ATL", "CHI");
    private static final Instant END = DemoSettings.startOfDay(Instant.now());
    private static final TestApp APP = seeded(TestApp.create());
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    /** Seeds before the service starts, as the README says to (the seeder writes history on a simulated clock). */
    private static TestApp seeded(TestApp app) {
        DatabaseSetup.migrate(app.database().dataSource());
        new DemoSeeder(clock -> TestServices.services(TestServices.transactions(app.jdbi()), clock),
                new StoreContents(TestServices.transactions(app.jdbi())))
                .seed(new DemoSettings(DEPOTS.size(), 60, DAYS, 20261126L, END), line -> { });
        return app;
    }

    @AfterAll
    void theLedgerIsExactAfterEveryonesDay() {
        Fixtures.assertLedgerExact(APP);
    }

    @Test
    void aManagerOptimizesTheirDepotReplaysTheModelAndAppliesIt() {
        for (String depot : DEPOTS) {
            ApiClient manager = APP.client(APP.token(Role.MANAGER, depot));
            long id = RunSteps.succeeded(manager, List.of(depot), DAYS);
            RunSteps.assertModelReplaysToTheSamePlan(manager, id);
            Reply applied = manager.post("/api/v1/optimizations/" + id + "/apply", Map.of("depots", List.of(depot)));
            assertThat(applied.status()).as(applied.body()).isEqualTo(200);
            RunSteps.assertPolicyHistoryNamesTheRun(manager, id, depot);
        }
    }

    @Test
    void oneRunOverEveryDepotSucceedsAndReplays() {
        ApiClient admin = APP.admin();
        long id = RunSteps.succeeded(admin, DEPOTS, DAYS);
        RunSteps.assertModelReplaysToTheSamePlan(admin, id);
        for (int window : List.of(30, 90)) {
            RunSteps.assertModelReplaysToTheSamePlan(admin, RunSteps.succeeded(admin, DEPOTS, window));
        }
    }

    @Test
    void financeReadsEveryReportInJsonAndCsvOverTheWholeHistoryAndInsideIt() {
        ApiClient finance = APP.client(APP.token(Role.FINANCE));
        Instant start = END.minus(Duration.ofDays(DAYS));
        Map<String, String> periods = Map.of(
                "whole", "from=" + start + "&to=" + END,
                "inside", "from=" + start.plus(Duration.ofDays(40)) + "&to=" + start.plus(Duration.ofDays(95)));
        Map<String, String> instants = Map.of(
                "end", "asOf=" + END,
                "inside", "asOf=" + start.plus(Duration.ofDays(77)).plusSeconds(3_333));
        List<String> queries = new ArrayList<>();
        for (String period : periods.values()) {
            for (String groupBy : List.of("depot", "part", "category")) {
                queries.add("/api/v1/reports/carrying-cost?" + period + "&groupBy=" + groupBy);
            }
            queries.add("/api/v1/reports/turnaround?" + period);
        }
        for (String asOf : instants.values()) {
            for (String groupBy : List.of("depot", "part", "category")) {
                queries.add("/api/v1/reports/valuation?" + asOf + "&groupBy=" + groupBy);
            }
            queries.add("/api/v1/reports/excess?" + asOf);
            queries.add("/api/v1/reports/dead-stock?" + asOf);
        }
        for (String query : queries) {
            Reply json = finance.get(query);
            assertThat(json.status()).as(query + " " + json.body()).isEqualTo(200);
            ReportChecks.assertTotalsAreTheSumOfRows(query, json.json());
            Reply csv = finance.get(query + "&format=csv");
            assertThat(csv.status()).as(query + " as CSV").isEqualTo(200);
            ReportChecks.assertCsvMatchesJson(query, csv.body(), json.json());
        }
    }

    @Test
    void aTechnicianTakesARepairOrderThroughABackorderToCompletion() {
        ApiClient admin = APP.admin();
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "ATL"));
        ApiClient technician = APP.client(APP.token(Role.TECHNICIAN, "ATL"));
        JsonNode position = firstStockedPosition(technician, "ATL");
        String sku = position.get("sku").asText();
        int available = position.get("available").asInt();

        long order = Fixtures.repairOrder(technician, "ATL", "HIGH");
        Reply tooMany = technician.post("/api/v1/repair-orders/" + order + "/reservations",
                Map.of("sku", sku, "quantity", available + 2), "journey-short");
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(409);
        assertThat(tooMany.error()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(tooMany.json().get("details").get("available").asInt()).isEqualTo(available);

        Reply held = technician.post("/api/v1/repair-orders/" + order + "/reservations",
                Map.of("sku", sku, "quantity", available), "journey-held");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("status").asText()).isEqualTo("HELD");
        Reply backordered = technician.post("/api/v1/repair-orders/" + order + "/reservations",
                Map.of("sku", sku, "quantity", 2, "allowBackorder", true), "journey-backorder");
        assertThat(backordered.status()).as(backordered.body()).isEqualTo(201);
        assertThat(backordered.json().get("status").asText()).isEqualTo("BACKORDERED");
        assertThat(technician.get("/api/v1/repair-orders/" + order).json().get("status").asText())
                .isEqualTo("AWAITING_PARTS");

        // The seeded history may have left backorders waiting on this position; receiving every waiting unit fills
        // them all (ours included), whatever their priority and age.
        BigDecimal unitCost = admin.get("/api/v1/parts/" + sku).json().get("averageUnitCost").decimalValue();
        Fixtures.receive(manager, "ATL", sku, waitingUnits(admin, "ATL", sku), unitCost.doubleValue());
        long backorderId = backordered.json().get("id").asLong();
        JsonNode filled = technician.get("/api/v1/reservations?repairOrderId=" + order).json().get("items");
        for (JsonNode reservation : filled) {
            assertThat(reservation.get("status").asText()).as(reservation.toString()).isEqualTo("HELD");
        }
        assertThat(filled).anySatisfy(reservation -> assertThat(reservation.get("id").asLong())
                .isEqualTo(backorderId));
        for (JsonNode reservation : filled) {
            Reply issued = technician.post("/api/v1/reservations/" + reservation.get("id").asLong() + "/issue", null,
                    "journey-issue-" + reservation.get("id").asLong());
            assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        }
        Reply completed = technician.post("/api/v1/repair-orders/" + order + "/complete", null, "journey-complete");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("status").asText()).isEqualTo("COMPLETED");
    }

    /** A position of the depot with stock on hand, the most available first. */
    private static JsonNode firstStockedPosition(ApiClient client, String depot) {
        JsonNode items = client.get("/api/v1/stock?depot=" + depot + "&limit=500").json().get("items");
        JsonNode best = null;
        for (JsonNode item : items) {
            if (best == null || item.get("available").asInt() > best.get("available").asInt()) {
                best = item;
            }
        }
        assertThat(best).as("a stocked position at " + depot).isNotNull();
        assertThat(best.get("available").asInt()).isPositive();
        return best;
    }

    /** Units backordered on the position (the seeded history's and ours). */
    private static int waitingUnits(ApiClient client, String depot, String sku) {
        int units = 0;
        for (JsonNode reservation : client.get("/api/v1/reservations?depot=" + depot + "&status=BACKORDERED&limit=500")
                .json().get("items")) {
            if (reservation.get("sku").asText().equals(sku)) {
                units += reservation.get("quantity").asInt();
            }
        }
        return units;
    }
}
