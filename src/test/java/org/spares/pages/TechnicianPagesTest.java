package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The technician's job through the pages over HTTP: open an order, find a part by name and by SKU, reserve it,
 * issue, release, complete; a short part's message and its backorder; each result read back through the API.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TechnicianPagesTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final Pattern ORDER = Pattern.compile("/ui/repair-orders/(\\d+)");

    private ApiClient api;
    private PageClient tech;

    @BeforeAll
    void setUp() {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        admin.post("/api/v1/parts", Map.of("sku", "PUMP-1", "name", "Coolant pump", "category", "pumps",
                "unitCost", 40, "leadTimeDays", 5));
        admin.post("/api/v1/parts", Map.of("sku", "FAN-2", "name", "Cooling fan", "category", "fans",
                "unitCost", 12, "leadTimeDays", 5));
        Fixtures.receive(admin, "NYC", "PUMP-1", 3, 40);
        Fixtures.receive(admin, "BOS", "PUMP-1", 5, 40);
        api = APP.client(APP.person("tina", Role.TECHNICIAN, "NYC"));
        tech = new PageClient(APP.baseUrl());
        assertThat(tech.signIn("tina", TestApp.PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/ui/repair-orders?depot=NYC");
    }

    private long openOrder(String assetTag) {
        tech.get("/ui/repair-orders?depot=NYC");
        HttpResponse<String> opened = tech.postHtmx("/ui/repair-orders", Map.of("depot", "NYC", "assetTag", assetTag,
                "priority", "HIGH", "key", "open-" + assetTag));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        Matcher id = ORDER.matcher(opened.headers().firstValue("HX-Redirect").orElseThrow());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    @Test
    void aTechnicianReservesIssuesAndCompletesThroughThePages() {
        long order = openOrder("LIFT-7");
        JsonNode stored = api.get("/api/v1/repair-orders/" + order).json();
        assertThat(stored.get("assetTag").asText()).isEqualTo("LIFT-7");
        assertThat(stored.get("priority").asText()).isEqualTo("HIGH");
        assertThat(tech.get("/ui/repair-orders?depot=NYC").body()).contains("LIFT-7");

        HttpResponse<String> page = tech.get("/ui/repair-orders/" + order);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> byName = tech.get("/ui/repair-orders/" + order + "/parts?q=coolant", true);
        assertThat(byName.body()).contains("PUMP-1", "3 free at NYC").doesNotContain("FAN-2")
                .as("BOS is outside her depots, as for the API's stock list").doesNotContain("BOS");
        APP.person("tom", Role.TECHNICIAN, "NYC", "BOS");
        PageClient twoDepots = new PageClient(APP.baseUrl());
        twoDepots.signIn("tom", TestApp.PASSWORD);
        assertThat(twoDepots.get("/ui/repair-orders/" + order + "/parts?q=PUMP", true).body())
                .contains("3 free at NYC", "5 at BOS");
        assertThat(tech.get("/ui/repair-orders/" + order + "/parts?q=fan-2", true).body()).contains("Cooling fan");

        HttpResponse<String> reserved = tech.postHtmx("/ui/repair-orders/" + order + "/reservations",
                Map.of("sku", "PUMP-1", "quantity", "2", "key", "r1"));
        assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(200);
        assertThat(reserved.body()).contains("2 x PUMP-1 reserved", "id=\"order\"");
        JsonNode reservation = api.get("/api/v1/reservations?repairOrderId=" + order).json().get("items").get(0);
        assertThat(reservation.get("status").asText()).isEqualTo("HELD");
        assertThat(reservation.get("quantity").asInt()).isEqualTo(2);

        HttpResponse<String> again = tech.postHtmx("/ui/repair-orders/" + order + "/reservations",
                Map.of("sku", "PUMP-1", "quantity", "2", "key", "r1"));
        assertThat(again.body()).contains("Already reserved");
        assertThat(api.get("/api/v1/reservations?repairOrderId=" + order).json().get("items")).hasSize(1);

        long id = reservation.get("id").asLong();
        assertThat(tech.postHtmx("/ui/reservations/" + id + "/issue", Map.of("key", "i1")).body())
                .contains("2 x PUMP-1 issued");
        assertThat(api.get("/api/v1/reservations/" + id).json().get("status").asText()).isEqualTo("ISSUED");
        assertThat(Fixtures.onHand(api, "NYC", "PUMP-1")).isEqualTo(1);

        HttpResponse<String> done = tech.postHtmx("/ui/repair-orders/" + order + "/complete", Map.of("key", "c1"));
        assertThat(done.body()).contains("Repair order completed");
        assertThat(api.get("/api/v1/repair-orders/" + order).json().get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aShortPartSaysHowManyAreThereAndCanBeBackordered() {
        long order = openOrder("DRILL-3");
        tech.get("/ui/repair-orders/" + order);
        HttpResponse<String> tooMany = tech.postHtmx("/ui/repair-orders/" + order + "/reservations",
                Map.of("sku", "FAN-2", "quantity", "4", "key", "s1"));
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(tooMany.headers().firstValue("HX-Retarget")).contains("#matches");
        assertThat(tooMany.body()).contains("only 0 of FAN-2 available at NYC", "Backorder 4 x FAN-2");
        assertThat(api.get("/api/v1/reservations?repairOrderId=" + order).json().get("items")).isEmpty();

        HttpResponse<String> backordered = tech.postHtmx("/ui/repair-orders/" + order + "/reservations",
                Map.of("sku", "FAN-2", "quantity", "4", "backorder", "true", "key", "s2"));
        assertThat(backordered.statusCode()).isEqualTo(200);
        assertThat(backordered.body()).contains("backordered");
        JsonNode reservation = api.get("/api/v1/reservations?repairOrderId=" + order).json().get("items").get(0);
        assertThat(reservation.get("status").asText()).isEqualTo("BACKORDERED");

        long id = reservation.get("id").asLong();
        assertThat(tech.postHtmx("/ui/reservations/" + id + "/release", Map.of("key", "x1")).body())
                .contains("4 x FAN-2 released");
        assertThat(api.get("/api/v1/reservations/" + id).json().get("status").asText()).isEqualTo("RELEASED");
    }

    @Test
    void badInputAndForgedPostsChangeNothing() {
        long order = openOrder("SAW-9");
        tech.get("/ui/repair-orders/" + order);
        HttpResponse<String> notANumber = tech.postHtmx("/ui/repair-orders/" + order + "/reservations",
                Map.of("sku", "PUMP-1", "quantity", "two"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("quantity must be a whole number");
        assertThat(notANumber.headers().firstValue("HX-Retarget")).contains("#flash");
        HttpResponse<String> zero = tech.postHtmx("/ui/repair-orders/" + order + "/reservations",
                Map.of("sku", "PUMP-1", "quantity", "0"));
        assertThat(zero.statusCode()).isEqualTo(400);
        HttpResponse<String> noTag = tech.postHtmx("/ui/repair-orders", Map.of("depot", "NYC", "assetTag", " "));
        assertThat(noTag.statusCode()).isEqualTo(400);

        HttpResponse<String> forged = tech.postWithoutToken("/ui/repair-orders/" + order + "/reservations",
                Map.of("sku", "PUMP-1", "quantity", "1"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/reservations?repairOrderId=" + order).json().get("items")).isEmpty();
    }

    @Test
    void anotherDepotsOrdersAreRefusedAsTheApiRefusesThem() {
        long boston = Fixtures.repairOrder(APP.admin(), "BOS", "NORMAL");
        assertThat(tech.get("/ui/repair-orders?depot=BOS").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/repair-orders?depot=BOS").status()).isEqualTo(403);
        assertThat(tech.get("/ui/repair-orders/" + boston).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/repair-orders/" + boston).status()).isEqualTo(404);
        tech.get("/ui/repair-orders?depot=NYC");
        assertThat(tech.postHtmx("/ui/repair-orders", Map.of("depot", "BOS", "assetTag", "X")).statusCode())
                .isEqualTo(403);
        PageClient finance = new PageClient(APP.baseUrl());
        APP.person("fred", Role.FINANCE);
        finance.signIn("fred", TestApp.PASSWORD);
        assertThat(finance.get("/ui/repair-orders?depot=NYC").body()).doesNotContain("Open a repair order");
        assertThat(finance.postHtmx("/ui/repair-orders", Map.of("depot", "NYC", "assetTag", "X")).statusCode())
                .isEqualTo(403);
    }
}
