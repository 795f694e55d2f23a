package org.spares.api;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;

/**
 * Lists as users expect them (docs/REFERENCE.md "Lists, CSV and content types"): sorting both ways across pages with ties on the key, filters, CSV of
 * every matching row equal to the JSON list, unknown query parameters refused by name; and the PATCH and import
 * content types.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListsEndToEndTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final int[] QUANTITIES = {5, 3, 5, 7, 3, 5, 1};

    private ApiClient admin;

    @BeforeAll
    void setUp() {
        admin = APP.admin();
        Fixtures.depot(admin, "LSA");
        Fixtures.depot(admin, "LSB");
        for (int index = 0; index < QUANTITIES.length; index++) {
            String sku = "LS-" + index;
            Fixtures.part(admin, sku, 10 + index);
            Fixtures.receive(admin, "LSA", sku, QUANTITIES[index] * 10, 10 + index);
            Fixtures.receive(admin, "LSB", sku, QUANTITIES[index], 10 + index);
        }
        for (int index = 0; index < 4; index++) {
            Reply transfer = admin.post("/api/v1/transfers", Map.of("fromDepot", index % 2 == 0 ? "LSA" : "LSB",
                    "toDepot", index % 2 == 0 ? "LSB" : "LSA", "sku", "LS-" + index, "quantity", QUANTITIES[index]));
            assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        }
        for (int index = 0; index < 5; index++) {
            long order = Fixtures.repairOrder(admin, "LSA", index % 2 == 0 ? "HIGH" : "NORMAL");
            Reply reserved = admin.post("/api/v1/repair-orders/" + order + "/reservations",
                    Map.of("sku", "LS-" + (index % 3), "quantity", QUANTITIES[index]));
            assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
        }
    }

    /** Every item of a list, page by page ({@code limit=2}, so ties fall across page ends). */
    private List<JsonNode> walk(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            Reply page = admin.get(path + separator + "limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    /** The id-ordered list sorted by a key (a stable sort, so ties keep id order), as the service must give it. */
    private static List<String> sortedBy(List<JsonNode> byId, Function<JsonNode, String> identity,
            Comparator<JsonNode> key) {
        return byId.stream().sorted(key).map(identity).toList();
    }

    private void assertSorts(String list, String field, Comparator<JsonNode> key, Function<JsonNode, String> identity) {
        List<JsonNode> byId = walk(list);
        assertThat(byId).hasSizeGreaterThan(3);
        List<String> ascending = sortedBy(byId, identity, key);
        String separator = list.contains("?") ? "&" : "?";
        assertThat(walk(list + separator + "sort=" + field).stream().map(identity).toList())
                .as(list + " sorted by " + field).isEqualTo(ascending);
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertThat(walk(list + separator + "sort=-" + field).stream().map(identity).toList())
                .as(list + " sorted by -" + field).isEqualTo(descending);
    }

    private static Comparator<JsonNode> number(String field) {
        return Comparator.comparing(item -> item.get(field).decimalValue());
    }

    private static Comparator<JsonNode> text(String field) {
        return Comparator.comparing(item -> item.get(field).asText());
    }

    @Test
    void sortsEveryListBothWaysAcrossPagesWithTies() {
        Function<JsonNode, String> position = item -> item.get("depot").asText() + "/" + item.get("sku").asText();
        Function<JsonNode, String> id = item -> item.get("id").asText();
        assertSorts("/api/v1/stock", "depot", text("depot"), position);
        assertSorts("/api/v1/stock?depot=LSB", "onHand", number("onHand"), position);
        assertSorts("/api/v1/stock?depot=LSA", "sku", text("sku"), position);
        assertSorts("/api/v1/movements?depot=LSB", "quantity", number("quantity"), id);
        assertSorts("/api/v1/movements?depot=LSA", "at", text("at"), id);
        assertSorts("/api/v1/transfers?depot=LSA", "quantity", number("quantity"), id);
        assertSorts("/api/v1/transfers?depot=LSA", "requestedAt", text("requestedAt"), id);
        assertSorts("/api/v1/repair-orders?depot=LSA", "openedAt", text("openedAt"), id);
        assertSorts("/api/v1/reservations?depot=LSA", "quantity", number("quantity"), id);
        assertSorts("/api/v1/reservations?depot=LSA", "createdAt", text("createdAt"), id);
        assertSorts("/api/v1/reservations?depot=LSA", "id", number("id"), id);
        Comparator<JsonNode> name = Comparator.comparing(item -> item.get("name").asText(),
                String.CASE_INSENSITIVE_ORDER);
        Function<JsonNode, String> sku = item -> item.get("sku").asText();
        assertSorts("/api/v1/parts?q=LS-", "name", name, sku);
        assertSorts("/api/v1/parts?q=LS-", "sku", text("sku"), sku);
    }

    @Test
    void newFiltersNarrowTheLists() {
        assertThat(walk("/api/v1/repair-orders?depot=LSA&priority=high"))
                .hasSize(3).allSatisfy(order -> assertThat(order.get("priority").asText()).isEqualTo("HIGH"));
        assertThat(walk("/api/v1/repair-orders?depot=LSA&from=2000-01-01&to=2000-01-02")).isEmpty();
        assertThat(walk("/api/v1/reservations?depot=LSA&sku=LS-1"))
                .hasSize(2).allSatisfy(item -> assertThat(item.get("sku").asText()).isEqualTo("LS-1"));
        assertThat(walk("/api/v1/transfers?fromDepot=lsb&toDepot=LSA"))
                .hasSize(2).allSatisfy(item -> assertThat(item.get("fromDepot").asText()).isEqualTo("LSB"));
        assertThat(walk("/api/v1/transfers?depot=LSA&sku=LS-2")).hasSize(1);
    }

    @Test
    void badSortAndForeignCursorAreRefusedByName() {
        Reply badField = admin.get("/api/v1/stock?sort=reserved");
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.error()).isEqualTo("VALIDATION_FAILED");
        assertThat(badField.json().at("/details/field").asText()).isEqualTo("sort");
        assertThat(badField.json().at("/details/allowed").toString()).contains("onHand");
        String cursor = admin.get("/api/v1/movements?sort=quantity&limit=1").json().get("nextCursor").asText();
        Reply otherSort = admin.get("/api/v1/movements?sort=-quantity&cursor=" + cursor);
        assertThat(otherSort.status()).isEqualTo(400);
        assertThat(otherSort.json().at("/details/field").asText()).isEqualTo("cursor");
    }

    @Test
    void unknownQueryParametersAreRefusedEverywhereByName() {
        for (String path : List.of("/api/v1/stock?colour=red", "/api/v1/depots/LSA?colour=red",
                "/api/v1/parts?category=test&colour=red", "/api/v1/reports/valuation?colour=red")) {
            Reply reply = admin.get(path);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("VALIDATION_FAILED");
            assertThat(reply.json().at("/details/field").asText()).isEqualTo("colour");
        }
        Reply two = admin.post("/api/v1/transfers?zeta=1&alpha=2", Map.of("fromDepot", "LSA", "toDepot", "LSB",
                "sku", "LS-0", "quantity", 1));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().at("/details/fields").toString()).isEqualTo("[\"alpha\",\"zeta\"]");
        assertThat(admin.get("/api/v1/stock?depot=LSA&sort=sku&format=json&limit=1").status()).isEqualTo(200);
    }

    @Test
    void csvOfEachListHoldsEveryRowOfTheJsonList() {
        for (String list : List.of("stock", "movements", "repair-orders", "reservations", "transfers")) {
            String path = "/api/v1/" + list + "?depot=LSA&sort=-id";
            if (list.equals("stock")) {
                path = "/api/v1/stock?depot=LSA&sort=-onHand";
            }
            List<JsonNode> json = walk(path);
            Reply csv = admin.get(path + "&format=csv&limit=1");
            assertThat(csv.status()).as(csv.body()).isEqualTo(200);
            assertThat(csv.header("content-type")).startsWith("text/csv");
            assertThat(csv.header("content-disposition"))
                    .matches("attachment; filename=\"" + list + "-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
            List<CSVRecord> rows = parse(csv.body());
            assertThat(rows).as(list).hasSize(json.size());
            List<String> columns = rows.isEmpty() ? List.of() : rows.get(0).getParser().getHeaderNames();
            assertThat(columns).isNotEmpty().doesNotContain("reservations");
            for (int index = 0; index < rows.size(); index++) {
                for (String column : columns) {
                    assertCell(list + " row " + index + " " + column, rows.get(index).get(column),
                            json.get(index).get(column));
                }
            }
        }
        Reply accepted = admin.send("GET", "/api/v1/transfers?depot=LSA", null, Map.of("Accept", "text/csv"));
        assertThat(accepted.header("content-type")).startsWith("text/csv");
        assertThat(accepted.body()).startsWith("id,fromDepot,toDepot,sku,quantity,status");
    }

    @Test
    void reportCsvIsAnAttachment() {
        Reply report = admin.get("/api/v1/reports/valuation?format=csv");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("content-disposition"))
                .matches("attachment; filename=\"valuation-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(admin.get("/api/v1/reports/valuation").header("content-disposition")).isNull();
    }

    @Test
    void patchTakesMergePatchJsonAsWellAsJson() {
        Map<String, String> mergePatch = Map.of("Content-Type", "application/merge-patch+json");
        Reply part = admin.send("PATCH", "/api/v1/parts/LS-6", "{\"name\":\"Merged\"}", mergePatch);
        assertThat(part.status()).as(part.body()).isEqualTo(200);
        assertThat(part.json().get("name").asText()).isEqualTo("Merged");
        Reply depot = admin.send("PATCH", "/api/v1/depots/LSB", "{\"name\":\"Merged depot\"}", mergePatch);
        assertThat(depot.status()).as(depot.body()).isEqualTo(200);
        assertThat(depot.json().get("name").asText()).isEqualTo("Merged depot");
        assertThat(admin.patch("/api/v1/parts/LS-6", Map.of("name", "Plain JSON")).status()).isEqualTo(200);
        Reply text = admin.send("PATCH", "/api/v1/parts/LS-6", "name=x", Map.of("Content-Type", "text/plain"));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("message").asText()).contains("application/merge-patch+json", "application/json");
    }

    @Test
    void importTakesAByteOrderMarkAndHeadersInAnyCase() {
        String csv = "\uFEFFSKU,Name,CATEGORY,unitcost,HoldingRate,LEADTIMEDAYS\r\nLS-IMP-1,Imported,valves,12.5,,7\r\n";
        Reply imported = admin.send("POST", "/api/v1/parts/import", csv, Map.of("Content-Type",
                "text/csv; charset=utf-8"));
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);
        Reply part = admin.get("/api/v1/parts/LS-IMP-1");
        assertThat(part.status()).isEqualTo(200);
        assertThat(part.json().get("leadTimeDays").asInt()).isEqualTo(7);
    }

    @Test
    void wrongContentTypeSaysWhichAreAccepted() {
        Reply reply = admin.send("POST", "/api/v1/parts/import", "{}", Map.of("Content-Type", "application/json"));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.error()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(reply.json().get("message").asText()).contains("text/csv");
        assertThat(reply.json().at("/details/accepted").toString()).contains("text/csv");
    }

    private static void assertCell(String where, String cell, JsonNode value) {
        if (value == null || value.isNull()) {
            assertThat(cell).as(where).isEmpty();
        } else if (value.isNumber()) {
            assertThat(new BigDecimal(cell)).as(where).isEqualByComparingTo(value.decimalValue());
        } else {
            assertThat(cell).as(where).isEqualTo(value.asText());
        }
    }

    private static List<CSVRecord> parse(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
