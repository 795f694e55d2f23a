package org.spares.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spares.support.Fixtures.movement;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
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
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/** Receipts, counts, scrap, transfers and policy over HTTP, with the ledger recomputed from the API alone. */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockEndToEndTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient admin;
    private ApiClient nyc;
    private ApiClient bos;

    @BeforeAll
    void setUp() {
        admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        Fixtures.part(admin, "VALVE", 100.0);
        Fixtures.part(admin, "HOSE", 10.0);
        Fixtures.part(admin, "PUMP", 50.0);
        nyc = APP.client(APP.token(Role.MANAGER, "NYC"));
        bos = APP.client(APP.token(Role.MANAGER, "BOS"));
    }

    @AfterAll
    void ledgerIsExact() {
        Fixtures.assertLedgerExact(APP);
    }

    @Test
    void untouchedPositionReadsAsZerosAndUnknownsAre404() {
        JsonNode position = admin.get("/api/v1/depots/NYC/stock/PUMP").json();
        assertThat(position.get("onHand").asInt()).isZero();
        assertThat(position.get("available").asInt()).isZero();
        assertThat(position.get("averageUnitCost").decimalValue()).isEqualByComparingTo("50");
        assertThat(admin.get("/api/v1/depots/NYC/stock/NOPE").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/depots/ZZZ/stock/PUMP").status()).isEqualTo(404);
    }

    @Test
    void receiptsMoveTheAverageCostByTheFormula() {
        Reply first = Fixtures.receive(nyc, "NYC", "VALVE", 10, 120.0);
        assertThat(first.json().get("averageUnitCostAfter").decimalValue()).isEqualByComparingTo("120");
        assertThat(first.json().get("onHandAfter").asInt()).isEqualTo(10);
        Reply second = Fixtures.receive(bos, "BOS", "VALVE", 5, 90.0);
        // (10 * 120 + 5 * 90) / 15 = 110
        assertThat(second.json().get("averageUnitCostAfter").decimalValue()).isEqualByComparingTo("110");
        Reply third = Fixtures.receive(nyc, "NYC", "VALVE", 3, 100.01);
        BigDecimal expected = new BigDecimal("15").multiply(new BigDecimal("110"))
                .add(new BigDecimal("3").multiply(new BigDecimal("100.01")))
                .divide(new BigDecimal("18"), 4, RoundingMode.HALF_UP);
        assertThat(third.json().get("averageUnitCostAfter").decimalValue()).isEqualByComparingTo(expected);
        assertThat(third.json().get("actor").asText()).isNotBlank();
        assertThat(third.json().get("requestId").asText()).isNotBlank();
        Reply adjustment = nyc.post("/api/v1/movements", movement("ADJUSTMENT", "NYC", "VALVE", 2, null));
        assertThat(adjustment.status()).isEqualTo(201);
        assertThat(adjustment.json().get("unitCost").decimalValue()).isEqualByComparingTo(expected);
        assertThat(adjustment.json().get("averageUnitCostAfter").decimalValue()).isEqualByComparingTo(expected);
    }

    @Test
    void countsAndScrapNeverGoBelowReservedAndBadMovementsChangeNothing() {
        Fixtures.part(admin, "SCRAPPY", 10.0);
        Fixtures.receive(nyc, "NYC", "SCRAPPY", 5, 10.0);
        Reply transfer = nyc.post("/api/v1/transfers", Map.of("fromDepot", "NYC", "toDepot", "BOS", "sku", "SCRAPPY",
                "quantity", 3));
        assertThat(transfer.status()).isEqualTo(201);
        int before = Fixtures.onHand(admin, "NYC", "SCRAPPY");
        Reply tooMuchScrap = nyc.post("/api/v1/movements", movement("SCRAP", "NYC", "SCRAPPY", 3, null));
        assertThat(tooMuchScrap.status()).isEqualTo(409);
        assertThat(tooMuchScrap.error()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(tooMuchScrap.json().at("/details/available").asInt()).isEqualTo(2);
        Reply countDown = nyc.post("/api/v1/movements", movement("ADJUSTMENT", "NYC", "SCRAPPY", -3, null));
        assertThat(countDown.status()).isEqualTo(409);
        Reply scrap = nyc.post("/api/v1/movements", movement("SCRAP", "NYC", "SCRAPPY", 2, null));
        assertThat(scrap.status()).isEqualTo(201);
        assertThat(scrap.json().get("quantity").asInt()).isEqualTo(-2);
        assertThat(scrap.json().get("onHandAfter").asInt()).isEqualTo(before - 2);
        assertThat(nyc.post("/api/v1/movements", movement("RECEIPT", "NYC", "SCRAPPY", 1, null)).status()).isEqualTo(400);
        assertThat(nyc.post("/api/v1/movements", movement("ADJUSTMENT", "NYC", "SCRAPPY", 1, 5.0)).status())
                .isEqualTo(400);
        assertThat(nyc.post("/api/v1/movements", movement("SCRAP", "NYC", "SCRAPPY", -1, null)).status()).isEqualTo(400);
        assertThat(nyc.post("/api/v1/movements", movement("ADJUSTMENT", "NYC", "SCRAPPY", 0, null)).status())
                .isEqualTo(400);
        assertThat(nyc.post("/api/v1/movements", movement("ISSUE", "NYC", "SCRAPPY", 1, null)).status()).isEqualTo(400);
        assertThat(nyc.post("/api/v1/movements", movement("RECEIPT", "NYC", "NOPE", 1, 1.0)).status()).isEqualTo(404);
        assertThat(nyc.post("/api/v1/movements", movement("RECEIPT", "BOS", "SCRAPPY", 1, 1.0)).status()).isEqualTo(403);
        assertThat(Fixtures.onHand(admin, "NYC", "SCRAPPY")).isEqualTo(before - 2);
        long id = transfer.json().get("id").asLong();
        assertThat(nyc.post("/api/v1/transfers/" + id + "/cancel", null).json().get("status").asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void transfersReserveShipAndReceiveWithoutTouchingTheAverage() {
        Fixtures.receive(nyc, "NYC", "PUMP", 8, 60.0);
        String average = admin.get("/api/v1/parts/PUMP").json().get("averageUnitCost").asText();
        Reply requested = nyc.post("/api/v1/transfers", Map.of("fromDepot", "NYC", "toDepot", "BOS", "sku", "PUMP",
                "quantity", 5));
        long id = requested.json().get("id").asLong();
        assertThat(requested.json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(admin.get("/api/v1/depots/NYC/stock/PUMP").json().get("reserved").asInt()).isEqualTo(5);
        assertThat(nyc.post("/api/v1/transfers", Map.of("fromDepot", "NYC", "toDepot", "BOS", "sku", "PUMP",
                "quantity", 4)).json().at("/details/available").asInt()).isEqualTo(3);
        assertThat(bos.post("/api/v1/transfers/" + id + "/receive", null).error()).isEqualTo("ILLEGAL_STATE");
        assertThat(bos.post("/api/v1/transfers/" + id + "/ship", null).status()).isEqualTo(403);
        Reply shipped = nyc.post("/api/v1/transfers/" + id + "/ship", null);
        assertThat(shipped.json().get("status").asText()).isEqualTo("SHIPPED");
        JsonNode source = admin.get("/api/v1/depots/NYC/stock/PUMP").json();
        assertThat(source.get("onHand").asInt()).isEqualTo(3);
        assertThat(source.get("reserved").asInt()).isZero();
        assertThat(admin.get("/api/v1/depots/BOS/stock/PUMP").json().get("inbound").asInt()).isEqualTo(5);
        assertThat(nyc.post("/api/v1/transfers/" + id + "/ship", null).error()).isEqualTo("ILLEGAL_STATE");
        assertThat(nyc.post("/api/v1/transfers/" + id + "/cancel", null).error()).isEqualTo("ILLEGAL_STATE");
        Reply received = bos.post("/api/v1/transfers/" + id + "/receive", null);
        assertThat(received.json().get("status").asText()).isEqualTo("RECEIVED");
        JsonNode destination = admin.get("/api/v1/depots/BOS/stock/PUMP").json();
        assertThat(destination.get("onHand").asInt()).isEqualTo(5);
        assertThat(destination.get("inbound").asInt()).isZero();
        assertThat(admin.get("/api/v1/parts/PUMP").json().get("averageUnitCost").asText()).isEqualTo(average);
        List<String> types = new ArrayList<>();
        admin.get("/api/v1/movements?sku=PUMP").json().get("items").forEach(row -> types.add(row.get("type").asText()));
        assertThat(types).containsExactly("RECEIPT", "TRANSFER_OUT", "TRANSFER_IN");
        assertThat(admin.get("/api/v1/transfers?depot=BOS&status=RECEIVED").json().get("items").size()).isEqualTo(1);
        assertThat(nyc.post("/api/v1/transfers", Map.of("fromDepot", "NYC", "toDepot", "NYC", "sku", "PUMP",
                "quantity", 1)).status()).isEqualTo(400);
    }

    @Test
    void policyIsValidatedAndEveryChangeIsKept() {
        assertThat(nyc.put("/api/v1/depots/NYC/stock/PUMP/policy", Map.of("targetLevel", 6, "reorderPoint", 5,
                "reason", "first cut")).status()).isEqualTo(200);
        Reply position = nyc.put("/api/v1/depots/NYC/stock/PUMP/policy", Map.of("targetLevel", 9, "reorderPoint", 8,
                "reason", "season"));
        assertThat(position.json().get("targetLevel").asInt()).isEqualTo(9);
        assertThat(nyc.put("/api/v1/depots/NYC/stock/PUMP/policy", Map.of("targetLevel", 2, "reorderPoint", 5,
                "reason", "bad")).status()).isIn(400, 422);
        assertThat(nyc.put("/api/v1/depots/NYC/stock/PUMP/policy", Map.of("targetLevel", 2, "reorderPoint", 1))
                .status()).isEqualTo(400);
        assertThat(bos.put("/api/v1/depots/NYC/stock/PUMP/policy", Map.of("targetLevel", 2, "reorderPoint", 1,
                "reason", "x")).status()).isEqualTo(403);
        JsonNode history = nyc.get("/api/v1/depots/NYC/stock/PUMP/policy-history").json().get("items");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).get("oldTargetLevel").asInt()).isEqualTo(6);
        assertThat(history.get(1).get("newTargetLevel").asInt()).isEqualTo(9);
        assertThat(history.get(1).get("reason").asText()).isEqualTo("season");
        assertThat(history.get(1).get("source").asText()).isEqualTo("MANUAL");
        assertThat(history.get(1).get("actor").asText()).isNotBlank();
        JsonNode due = admin.get("/api/v1/stock?belowReorderPoint=true&depot=NYC").json().get("items");
        List<String> skus = new ArrayList<>();
        due.forEach(item -> skus.add(item.get("sku").asText()));
        assertThat(skus).contains("PUMP");
        assertThat(bos.get("/api/v1/stock?depot=NYC").status()).isEqualTo(403);
        bos.get("/api/v1/stock").json().get("items").forEach(item -> assertThat(item.get("depot").asText())
                .isEqualTo("BOS"));
    }

    @Test
    void movementsListFiltersByTypeAndTimeAndPages() {
        Fixtures.part(admin, "LIST", 1.0);
        for (int i = 0; i < 5; i++) {
            Fixtures.receive(nyc, "NYC", "LIST", 1, 1.0);
        }
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = nyc.get("/api/v1/movements?sku=LIST&type=RECEIPT&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(ids).hasSize(5).isSorted();
        assertThat(nyc.get("/api/v1/movements?sku=LIST&from=2999-01-01").json().get("items").size()).isZero();
        assertThat(nyc.get("/api/v1/movements?sku=LIST&to=2000-01-01T00:00:00Z").json().get("items").size()).isZero();
        assertThat(nyc.get("/api/v1/movements?from=yesterday").status()).isEqualTo(400);
        assertThat(nyc.get("/api/v1/movements?type=GIFT").status()).isEqualTo(400);
        assertThat(bos.get("/api/v1/movements/" + ids.get(0)).status()).isEqualTo(404);
    }

    @Test
    void everyPositionRecomputesFromTheLedgerReadThroughTheApi() {
        Fixtures.receive(nyc, "NYC", "HOSE", 4, 11.0);
        assertThat(nyc.post("/api/v1/movements", movement("ADJUSTMENT", "NYC", "HOSE", -1, null)).status())
                .isEqualTo(201);
        JsonNode rows = admin.get("/api/v1/movements?sku=HOSE&depot=NYC&limit=500").json().get("items");
        int running = 0;
        for (JsonNode row : rows) {
            running += row.get("quantity").asInt();
            assertThat(row.get("onHandAfter").asInt()).isEqualTo(running);
        }
        assertThat(Fixtures.onHand(admin, "NYC", "HOSE")).isEqualTo(running);
    }
}
