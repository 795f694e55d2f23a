package org.spares.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
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
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.Runs;
import org.spares.support.TestApp;

/**
 * A position's forecast is made from what technicians requested, at the instant they asked: reservations built at
 * chosen days and sizes through the API, then GET .../forecast compared with POST /forecast of the same history
 * written by hand, and an optimization run that must plan with the same rate and name the class and method.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PositionForecastTest {
    /** A hold longer than the history, so the held request is still open when the clock reaches the window's end. */
    private static final TestApp APP = TestApp.clockedAndConfigured(Map.of("reservations.holdTime", "400 days"));
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    /** The end of the window: the history is the 56 days before it, eight weekly buckets. */
    private static final Instant NOW = Instant.parse("2026-05-04T00:00:00Z");
    private static final int DAYS = 56;
    private static final Instant START = NOW.minus(Duration.ofDays(DAYS));

    /** The demand the test makes: {day, quantity} of each request that counts. */
    private final List<int[]> counted = new ArrayList<>();
    private ApiClient admin;
    private ApiClient technician;

    @BeforeAll
    void setUp() {
        ClockedSparesApplication.CLOCK.set(START.minus(Duration.ofDays(3)));
        admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        technician = APP.client(APP.token(Role.TECHNICIAN, "NYC"));
        Fixtures.part(admin, "LMP-1", 50);
        Fixtures.receive(admin, "NYC", "LMP-1", 60, 50);
        // Before the window: not demand of this history.
        reserve(-2, 9, true, "issue");
        reserve(1, 2, true, "issue");
        reserve(2, 1, false, "release");
        reserve(9, 6, true, "issue");
        reserve(23, 1, true, "issue");
        reserve(40, 12, true, "hold");
        reserve(40, 3, true, "issue");
        reserve(45, 1, false, "release");
        // 60 units were received and 9 + 2 + 6 + 1 + 12 + 3 are held or issued: 27 are left, fewer than the 32
        // asked, so the request waits as a backorder. It is demand all the same: the technician asked that day.
        reserve(50, 32, true, "backorder");
        ClockedSparesApplication.CLOCK.set(NOW);
    }

    /** Opens an order on the day (plus an hour) and reserves; then issues, releases or leaves it. */
    private void reserve(int day, int quantity, boolean counts, String then) {
        ClockedSparesApplication.CLOCK.set(START.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)));
        long order = Fixtures.repairOrder(technician, "NYC", "NORMAL");
        Reply reserved = technician.post("/api/v1/repair-orders/" + order + "/reservations",
                Map.of("sku", "LMP-1", "quantity", quantity, "allowBackorder", true));
        assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
        assertThat(reserved.json().get("status").asText()).isEqualTo(then.equals("backorder") ? "BACKORDERED"
                : "HELD");
        long id = reserved.json().get("id").asLong();
        ClockedSparesApplication.CLOCK.set(START.plus(Duration.ofDays(day)).plus(Duration.ofHours(3)));
        if (then.equals("issue") || then.equals("release")) {
            Reply moved = technician.post("/api/v1/reservations/" + id + "/" + then, Map.of());
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        if (counts && day >= 0) {
            counted.add(new int[] {day, quantity});
        }
    }

    @Test
    void theForecastIsThatOfTheRequestsAsTheyWereAsked() {
        ApiClient finance = APP.client(APP.token(Role.FINANCE));
        Reply position = finance.get("/api/v1/depots/NYC/stock/LMP-1/forecast?historyDays=" + DAYS);
        assertThat(position.status()).as(position.body()).isEqualTo(200);
        // Weekly from day 0: 2 (day 1), 6 (day 9), 0, 1 (day 23), 0, 15 (day 40), 0, 32 (day 50).
        assertThat(position.json().get("buckets").toString()).isEqualTo("[2,6,0,1,0,15,0,32]");
        StringBuilder events = new StringBuilder();
        for (int[] event : counted) {
            events.append(events.isEmpty() ? "" : ",").append("{\"day\":").append(event[0])
                    .append(",\"quantity\":").append(event[1]).append('}');
        }
        Reply byHand = finance.post("/api/v1/forecast", "{\"days\":" + DAYS + ",\"events\":[" + events + "]}");
        assertThat(byHand.status()).as(byHand.body()).isEqualTo(200);
        assertThat(position.json()).isEqualTo(byHand.json());
        // Sizes 2, 6, 1, 12, 3, 32: E[size] = 56 / 6, E[size²] / E[size] = (4 + 36 + 1 + 144 + 9 + 1024) / 56.
        assertThat(position.json().get("meanSize").asDouble()).isCloseTo(56.0 / 6, within(1e-12));
        assertThat(position.json().get("varianceToMeanRatio").asDouble()).isCloseTo(1218.0 / 56, within(1e-12));
        // Five of eight buckets have demand: ADI 1.6, so intermittent or lumpy; CV² of 2, 6, 1, 15, 32 is 132.56 / 11.2² = 1.06.
        assertThat(position.json().get("class").asText()).isEqualTo("LUMPY");
    }

    @Test
    void theDefaultHistoryIsAYearAndAPositionNeverStockedHasNoDemand() {
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "NYC", "BOS"));
        Reply year = manager.get("/api/v1/depots/NYC/stock/LMP-1/forecast");
        assertThat(year.status()).as(year.body()).isEqualTo(200);
        assertThat(year.json().get("buckets")).hasSize(52);
        Reply empty = manager.get("/api/v1/depots/BOS/stock/LMP-1/forecast?historyDays=28");
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.json().get("class").asText()).isEqualTo("NO_DEMAND");
        assertThat(empty.json().get("ratePerDay").asDouble()).isZero();
    }

    @Test
    void rolesScopeAndBadInput() {
        assertThat(technician.get("/api/v1/depots/NYC/stock/LMP-1/forecast").status()).isEqualTo(403);
        ApiClient bos = APP.client(APP.token(Role.MANAGER, "BOS"));
        assertThat(bos.get("/api/v1/depots/NYC/stock/LMP-1/forecast").status()).isEqualTo(403);
        ApiClient finance = APP.client(APP.token(Role.FINANCE));
        assertThat(finance.get("/api/v1/depots/NYC/stock/NOPE-1/forecast").status()).isEqualTo(404);
        assertThat(finance.get("/api/v1/depots/XXX/stock/LMP-1/forecast").status()).isEqualTo(404);
        for (String days : new String[] {"3", "0", "3651"}) {
            Reply bad = finance.get("/api/v1/depots/NYC/stock/LMP-1/forecast?historyDays=" + days);
            assertThat(bad.status()).as(days + ": " + bad.body()).isEqualTo(400);
            assertThat(bad.body()).as(days).contains("historyDays");
        }
    }

    @Test
    void aRunPlansWithThePositionsForecastAndSaysSo() {
        Reply forecast = admin.get("/api/v1/depots/NYC/stock/LMP-1/forecast?historyDays=" + DAYS);
        Reply created = admin.post("/api/v1/optimizations", Map.of("depots", List.of("NYC", "BOS"),
                "historyDays", DAYS));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.json().get("id").asLong();
        JsonNode run = Runs.waitForEnd(admin, id);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        JsonNode line = admin.get("/api/v1/optimizations/" + id + "/recommendations").json().get("items").get(0);
        assertThat(line.get("sku").asText()).isEqualTo("LMP-1");
        // Shown to 4 decimals.
        assertThat(line.get("demandPerDay").asDouble())
                .isCloseTo(forecast.json().get("ratePerDay").asDouble(), within(5e-5));
        assertThat(line.get("varianceToMeanRatio").asDouble())
                .isCloseTo(forecast.json().get("varianceToMeanRatio").asDouble(), within(1e-4));
        assertThat(line.get("reason").asText()).contains("56 units requested in 6 requests over 56 days")
                .contains("LUMPY demand").contains(forecast.json().get("method").asText() + " forecast")
                .contains("variance-to-mean ratio 21.75");
        checkSimulation(id, run);
        Reply tooShort = admin.post("/api/v1/optimizations", Map.of("depots", List.of("NYC"), "historyDays", 6));
        assertThat(tooShort.status()).as(tooShort.body()).isEqualTo(400);
        assertThat(tooShort.json().get("details").get("field").asText()).isEqualTo("historyDays");
    }

    /**
     * The run's simulation. The current level is 0 (no policy was ever set), so the replay is worked by hand: every
     * request is backordered whole and each unit waits the lead time (10 days), or until the window's end.
     */
    private void checkSimulation(long id, JsonNode run) {
        Reply reply = admin.get("/api/v1/optimizations/" + id + "/simulation");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode simulation = reply.json();
        assertThat(simulation.get("seed").asLong()).isEqualTo(id);
        assertThat(simulation.get("replications").asInt()).isEqualTo(100);
        assertThat(simulation.get("days").asInt()).isEqualTo(365);
        // Depots in code order, as the run lists them.
        JsonNode bos = simulation.get("depots").get(0);
        assertThat(bos.get("depot").asText()).isEqualTo("BOS");
        JsonNode nyc = simulation.get("depots").get(1);
        assertThat(nyc.get("depot").asText()).isEqualTo("NYC");
        double waited = 0;
        for (int[] request : counted) {
            double asked = request[0] + 1.0 / 24;
            waited += request[1] * Math.min(10, DAYS - asked);
        }
        double ordersPerDay = 8.0 / DAYS;
        JsonNode history = nyc.get("current").get("history");
        assertThat(history.get("fillRate").asDouble()).isZero();
        assertThat(history.get("expectedBackorders").asDouble()).isCloseTo(waited / DAYS, within(1e-9));
        assertThat(history.get("partsWaitHours").asDouble()).isCloseTo(24 * waited / DAYS / ordersPerDay,
                within(1e-6));
        // Holding none, the model promises fill rate 0 and the whole pipeline backordered: rate x lead time.
        double rate = admin.get("/api/v1/depots/NYC/stock/LMP-1/forecast?historyDays=" + DAYS).json()
                .get("ratePerDay").asDouble();
        JsonNode promised = nyc.get("current").get("predicted");
        assertThat(promised.get("fillRate").asDouble()).isZero();
        assertThat(promised.get("expectedBackorders").asDouble()).isCloseTo(rate * 10, within(1e-9));
        // The recommended levels' promise is the run's own summary.
        JsonNode summary = run.get("summary").get("depots").get(1);
        assertThat(summary.get("code").asText()).isEqualTo("NYC");
        JsonNode recommended = nyc.get("recommended").get("predicted");
        assertThat(recommended.get("expectedBackorders").asDouble())
                .isCloseTo(summary.get("expectedBackorders").asDouble(), within(1e-4));
        assertThat(recommended.get("fillRate").asDouble()).isCloseTo(summary.get("fillRate").asDouble(),
                within(1e-4));
        for (String levels : new String[] {"recommended", "current"}) {
            for (String measure : new String[] {"fillRate", "expectedBackorders", "partsWaitHours"}) {
                JsonNode estimate = nyc.get(levels).get("simulated").get(measure);
                assertThat(estimate.get("low").asDouble()).as(levels + " " + measure)
                        .isLessThanOrEqualTo(estimate.get("mean").asDouble());
                assertThat(estimate.get("mean").asDouble()).as(levels + " " + measure)
                        .isLessThanOrEqualTo(estimate.get("high").asDouble());
            }
        }
        // Holding nothing, no simulated request finds stock either.
        assertThat(nyc.get("current").get("simulated").get("fillRate").get("mean").asDouble()).isZero();
        assertThat(bos.get("current").get("history").get("partsWaitHours").isNull()).isTrue();
        assertThat(simulation.get("total").get("current").get("history").get("expectedBackorders").asDouble())
                .isCloseTo(waited / DAYS, within(1e-9));
        // A manager of BOS sees BOS only, and no total (it would tell of NYC).
        JsonNode scoped = APP.client(APP.token(Role.MANAGER, "BOS")).get("/api/v1/optimizations/" + id
                + "/simulation").json();
        assertThat(scoped.get("depots")).hasSize(1);
        assertThat(scoped.get("depots").get(0).get("depot").asText()).isEqualTo("BOS");
        assertThat(scoped.get("total").isNull()).isTrue();
        assertThat(technician.get("/api/v1/optimizations/" + id + "/simulation").status()).isEqualTo(403);
    }
}
