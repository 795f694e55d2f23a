package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.Fixtures;
import org.spares.support.PageClient;
import org.spares.support.TestApp;

/**
 * A depot manager's job through the pages over HTTP: the dashboard, the stock table's search, filter, sort and
 * pages, policy, receipt, count, adjustment and transfer; each result read back through the API.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerPagesTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient api;
    private PageClient manager;

    @BeforeAll
    void setUp() {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        for (int i = 1; i <= 60; i++) {
            String sku = String.format("BOLT-%02d", i);
            admin.post("/api/v1/parts", Map.of("sku", sku, "name", "Bolt size " + i, "category", "bolts",
                    "unitCost", 2, "leadTimeDays", 5));
            Fixtures.receive(admin, "NYC", sku, i, 2);
        }
        admin.post("/api/v1/parts", Map.of("sku", "VALVE-1", "name", "Relief valve", "category", "valves",
                "unitCost", 30, "leadTimeDays", 5));
        Fixtures.receive(admin, "NYC", "VALVE-1", 2, 30);
        api = APP.client(APP.person("mona", Role.MANAGER, "NYC"));
        assertThat(api.put("/api/v1/depots/NYC/stock/VALVE-1/policy", Map.of("targetLevel", 6, "reorderPoint", 3,
                "reason", "seed")).status()).isEqualTo(200);
        manager = new PageClient(APP.baseUrl());
        assertThat(manager.signIn("mona", TestApp.PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/ui/depots/NYC");
    }

    @Test
    void theDashboardShowsWhatIsDueWaitingAndMoving() {
        long order = Fixtures.repairOrder(api, "NYC", "HIGH");
        api.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", "VALVE-1", "quantity", 5,
                "allowBackorder", true));
        HttpResponse<String> page = manager.get("/ui/depots/NYC");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("VALVE-1", "Relief valve", "#" + order, "No optimization has covered");
    }

    @Test
    void theStockTableSearchesFiltersSortsAndPages() {
        HttpResponse<String> first = manager.get("/ui/depots/NYC/stock");
        assertThat(first.body()).contains("BOLT-01", "BOLT-50").doesNotContain("BOLT-51").contains("Next 50");
        HttpResponse<String> byName = manager.get("/ui/depots/NYC/stock?q=relief", true);
        assertThat(byName.body()).contains("VALVE-1").doesNotContain("BOLT-01").doesNotContain("<html");
        assertThat(manager.get("/ui/depots/NYC/stock?due=true").body()).contains("VALVE-1").doesNotContain("BOLT-");
        HttpResponse<String> most = manager.get("/ui/depots/NYC/stock?sort=-onHand");
        assertThat(most.body().indexOf("BOLT-60")).isLessThan(most.body().indexOf("BOLT-59"));
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("class=\"next\" href=\"([^\"]+)\"")
                .matcher(first.body());
        assertThat(next.find()).isTrue();
        HttpResponse<String> second = manager.get(next.group(1).replace("&amp;", "&"));
        assertThat(second.body()).contains("BOLT-51", "VALVE-1").doesNotContain("BOLT-50<");
        assertThat(manager.get("/ui/depots/NYC/stock?sort=price").statusCode()).isEqualTo(400);
    }

    @Test
    void policyReceiptCountAdjustmentAndTransferGoThroughTheApisRules() {
        String base = "/ui/depots/NYC/stock/BOLT-10";
        manager.get(base);
        HttpResponse<String> noReason = manager.postHtmx(base + "/policy", Map.of("targetLevel", "20",
                "reorderPoint", "8"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/depots/NYC/stock/BOLT-10").json().get("targetLevel").asInt()).isZero();
        assertThat(manager.postHtmx(base + "/policy", Map.of("targetLevel", "20", "reorderPoint", "8", "reason",
                "season")).body()).contains("Policy set: order up to 20, reorder at 8");
        JsonNode position = api.get("/api/v1/depots/NYC/stock/BOLT-10").json();
        assertThat(position.get("targetLevel").asInt()).isEqualTo(20);

        Map<String, String> receipt = Map.of("type", "RECEIPT", "quantity", "5", "unitCost", "2.50", "key", "rc1");
        assertThat(manager.postHtmx(base + "/movements", receipt).body()).contains("receipt of 5 posted: 15 on hand");
        assertThat(manager.postHtmx(base + "/movements", receipt).body()).contains("Already posted");
        assertThat(Fixtures.onHand(api, "NYC", "BOLT-10")).isEqualTo(15);

        assertThat(manager.postHtmx(base + "/count", Map.of("counted", "12", "key", "ct1")).body())
                .contains("Counted 12: adjusted by -3");
        assertThat(Fixtures.onHand(api, "NYC", "BOLT-10")).isEqualTo(12);
        assertThat(manager.postHtmx(base + "/movements", Map.of("type", "ADJUSTMENT", "quantity", "-2", "reason",
                "broken", "key", "ad1")).body()).contains("adjustment of -2 posted: 10 on hand");
        assertThat(manager.postHtmx(base + "/movements", Map.of("type", "SCRAP", "quantity", "11", "reason",
                "rust", "key", "sc1")).statusCode()).isEqualTo(409);
        assertThat(Fixtures.onHand(api, "NYC", "BOLT-10")).isEqualTo(10);

        assertThat(manager.postHtmx(base + "/transfers", Map.of("to", "BOS", "quantity", "4", "key", "tr1")).body())
                .contains("of 4 to BOS requested");
        assertThat(api.get("/api/v1/transfers?sku=BOLT-10").json().get("items").get(0).get("status").asText())
                .isEqualTo("REQUESTED");
    }

    @Test
    void anotherDepotAndForgedOrUnauthorisedPostsAreRefused() {
        assertThat(manager.get("/ui/depots/BOS").statusCode()).isEqualTo(403);
        assertThat(manager.get("/ui/depots/BOS/stock").statusCode()).isEqualTo(403);
        assertThat(manager.get("/ui/depots/NOPE").statusCode()).isIn(403, 404);
        manager.get("/ui/depots/NYC/stock/BOLT-20");
        HttpResponse<String> forged = manager.postWithoutToken("/ui/depots/NYC/stock/BOLT-20/movements",
                Map.of("type", "RECEIPT", "quantity", "5", "unitCost", "2"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Fixtures.onHand(api, "NYC", "BOLT-20")).isEqualTo(20);

        APP.person("tess", Role.TECHNICIAN, "NYC");
        PageClient tech = new PageClient(APP.baseUrl());
        tech.signIn("tess", TestApp.PASSWORD);
        HttpResponse<String> readable = tech.get("/ui/depots/NYC/stock/BOLT-20");
        assertThat(readable.statusCode()).isEqualTo(200);
        assertThat(readable.body()).doesNotContain("Set policy", "Receive");
        assertThat(tech.postHtmx("/ui/depots/NYC/stock/BOLT-20/movements", Map.of("type", "RECEIPT", "quantity",
                "5", "unitCost", "2")).statusCode()).isEqualTo(403);
        assertThat(Fixtures.onHand(api, "NYC", "BOLT-20")).isEqualTo(20);
    }
}
