package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Lifecycle;
import org.spares.domain.Position;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.StateSnapshot;
import org.spares.support.TestApp;


/**
 * Values at the edges of what Spares can hold: instants outside 1970-9999 (a signed year once read as another
 * year, a fifth digit once failed the database), enum values that are not exactly a constant's name, free text
 * with control or bidirectional formatting characters, and receipts past the position's INT range. Each is a 4xx
 * with the error body naming the field, and changes nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeValuesTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    /** Each is refused in every free-text field: NUL, ESC, CR, LF, DEL, a C1 control, bidi override and isolate, LS. */
    private static final List<String> FORBIDDEN = List.of("\u0000", "\u001b", "\r", "\n", "\u007f", "\u0085",
            "\u202e", "\u2066", "\u200f", "\u2028");

    private ApiClient admin;

    @BeforeAll
    void setUp() {
        admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        Fixtures.part(admin, "E1", 2.0);
        Fixtures.receive(admin, "NYC", "E1", 5, 2.0);
    }

    @Test
    void instantsOutsideTheSupportedRangeAre400() {
        StateSnapshot before = StateSnapshot.of(APP.jdbi());
        List<String> outside = List.of("-2027-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "0000-01-01",
                "1969-12-31T23:59:59.999999Z", "+275760-09-13T00:00:00Z", "-1000000000-01-01T00:00:00Z");
        List<String> wrong = new ArrayList<>();
        for (String value : outside) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            for (String[] call : List.of(
                    new String[] {"/api/v1/reports/valuation?asOf=" + encoded, "asOf"},
                    new String[] {"/api/v1/reports/excess?asOf=" + encoded, "asOf"},
                    new String[] {"/api/v1/reports/dead-stock?asOf=" + encoded, "asOf"},
                    new String[] {"/api/v1/reports/carrying-cost?from=" + encoded, "from"},
                    new String[] {"/api/v1/reports/carrying-cost?from=2026-01-01&to=" + encoded, "to"},
                    new String[] {"/api/v1/reports/turnaround?from=" + encoded, "from"},
                    new String[] {"/api/v1/movements?from=" + encoded, "from"},
                    new String[] {"/api/v1/movements?to=" + encoded, "to"})) {
                Reply reply = admin.get(call[0]);
                if (reply.status() != 400 || !"VALIDATION_FAILED".equals(reply.error())
                        || !call[1].equals(reply.json().get("details").path("field").asText())) {
                    wrong.add(call[0] + " -> " + reply);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(before);
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        assertThat(admin.get("/api/v1/reports/valuation?asOf=1970-01-01T00:00:00Z").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/reports/valuation?asOf=9999-12-31T23:59:59.999999Z").status()).isEqualTo(200);
        Reply early = admin.get("/api/v1/movements?to=1970-01-01");
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.json().get("items")).isEmpty();
        assertThat(admin.get("/api/v1/movements?from=1970-01-01&to=9999-12-31").json().get("items")).isNotEmpty();
    }

    @Test
    void enumValuesAreExactNames() {
        StateSnapshot before = StateSnapshot.of(APP.jdbi());
        List<String> wrong = new ArrayList<>();
        for (String role : List.of("admin", "Admin", " ADMIN", "ADMIN ", "AD-MIN", "ad_min", "")) {
            expectField(wrong, admin.post("/api/v1/users", Map.of("name", "e", "role", role)), "role");
        }
        expectField(wrong, admin.send("POST", "/api/v1/users", "{\"name\":\"e\",\"role\":0}", Map.of()), "role");
        for (String type : List.of("receipt", "Receipt", "RE-CEIPT")) {
            expectField(wrong, admin.post("/api/v1/movements", Map.of("type", type, "depot", "NYC", "sku", "E1",
                    "quantity", 1, "unitCost", 1)), "type");
        }
        expectField(wrong, admin.post("/api/v1/repair-orders", Map.of("depot", "NYC", "assetTag", "a",
                "priority", "high")), "priority");
        assertThat(wrong).isEmpty();
        Reply refused = admin.post("/api/v1/users", Map.of("name", "e", "role", "admin"));
        assertThat(refused.json().get("details").get("allowed").toString())
                .isEqualTo("[\"ADMIN\",\"MANAGER\",\"TECHNICIAN\",\"FINANCE\"]");
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(before);
    }

    @Test
    void freeTextRefusesControlAndBidirectionalCharactersInEveryField() {
        Map<String, Function<String, Reply>> fields = new LinkedHashMap<>();
        fields.put("name", text -> admin.post("/api/v1/users", Map.of("name", text, "role", "FINANCE")));
        fields.put("name ", text -> admin.post("/api/v1/depots", Map.of("code", "TX", "name", text,
                "targetTurnaroundHours", 48, "meanRepairHours", 8)));
        fields.put(" name", text -> admin.patch("/api/v1/depots/NYC", Map.of("name", text)));
        fields.put("name  ", text -> admin.post("/api/v1/parts", part(text, "c")));
        fields.put("category", text -> admin.post("/api/v1/parts", part("n", text)));
        fields.put("category ", text -> admin.patch("/api/v1/parts/E1", Map.of("category", text)));
        fields.put("reason", text -> admin.post("/api/v1/movements", Map.of("type", "RECEIPT", "depot", "NYC",
                "sku", "E1", "quantity", 1, "unitCost", 1, "reason", text)));
        fields.put("reference", text -> admin.post("/api/v1/movements", Map.of("type", "RECEIPT", "depot", "NYC",
                "sku", "E1", "quantity", 1, "unitCost", 1, "reference", text)));
        fields.put("reason ", text -> admin.put("/api/v1/depots/NYC/stock/E1/policy", Map.of("targetLevel", 2,
                "reorderPoint", 1, "reason", text)));
        fields.put("assetTag", text -> admin.post("/api/v1/repair-orders", Map.of("depot", "NYC",
                "assetTag", text)));
        StateSnapshot before = StateSnapshot.of(APP.jdbi());
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, Function<String, Reply>> field : fields.entrySet()) {
            for (String bad : FORBIDDEN) {
                Reply reply = field.getValue().apply("ok" + bad + "ok");
                expectField(accepted, reply, field.getKey().strip());
            }
        }
        // A lone surrogate half can only arrive as a JSON escape; it is no character at all.
        expectField(accepted, admin.send("POST", "/api/v1/users", "{\"name\":\"a\\udc00b\",\"role\":\"FINANCE\"}",
                Map.of()), "name");
        assertThat(accepted).isEmpty();
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(before);
    }

    @Test
    void descriptionsKeepLinesButNoOtherControls() {
        for (String bad : List.of("\u0000", "\u001b", "\u202e", "\u2066")) {
            Reply refused = admin.post("/api/v1/repair-orders", Map.of("depot", "NYC", "assetTag", "a",
                    "description", "line" + bad));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("details").get("field").asText()).isEqualTo("description");
        }
        Reply created = admin.post("/api/v1/repair-orders", Map.of("depot", "NYC", "assetTag", "Müller 🔧 ÅÄÖ",
                "description", "first line\r\nsecond\tline\n"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // Surrounding whitespace is stripped, as for every stored text; the lines inside are kept.
        assertThat(created.json().get("description").asText()).isEqualTo("first line\r\nsecond\tline");
    }

    @Test
    void importedRowsFollowTheSameTextRule() {
        StateSnapshot before = StateSnapshot.of(APP.jdbi());
        String csv = "sku,name,category,unitCost,holdingRate,leadTimeDays\nI1,ok,c,1,0.2,3\n"
                + "I2,bad\u202ename,c,1,0.2,3\n";
        Reply reply = admin.send("POST", "/api/v1/parts/import", csv, Map.of("Content-Type", "text/csv"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.body()).contains("\"line\":3").contains("\"field\":\"name\"");
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(before);
    }

    @Test
    void receiptsAndTransfersPastTheColumnRangeAre422BeforeAnyWrite() {
        Fixtures.part(admin, "BIG", 1.0);
        Fixtures.receive(admin, "NYC", "BIG", 1, 1.0);
        Fixtures.receive(admin, "BOS", "BIG", 10, 1.0);
        int nearlyFull = Position.MAX_UNITS - 1000;
        // Reaching the limit through the API takes 2,148 receipts of a million; set it directly instead.
        APP.jdbi().useHandle(handle -> handle.execute("""
                UPDATE positions SET on_hand = ? WHERE part_id = (SELECT id FROM parts WHERE sku = 'BIG')
                   AND depot_id = (SELECT id FROM depots WHERE code = 'NYC')""", nearlyFull));
        Reply transfer = admin.post("/api/v1/transfers", Map.of("fromDepot", "BOS", "toDepot", "NYC", "sku", "BIG",
                "quantity", 10));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        StateSnapshot before = StateSnapshot.of(APP.jdbi());
        List<String> wrong = new ArrayList<>();
        expectRoom(wrong, admin.post("/api/v1/movements", Map.of("type", "RECEIPT", "depot", "NYC", "sku", "BIG",
                "quantity", 1001, "unitCost", 1)));
        expectRoom(wrong, admin.post("/api/v1/movements", Map.of("type", "ADJUSTMENT", "depot", "NYC", "sku", "BIG",
                "quantity", 1_000_000)));
        assertThat(wrong).isEmpty();
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(before);

        Reply fits = admin.post("/api/v1/movements", Map.of("type", "RECEIPT", "depot", "NYC", "sku", "BIG",
                "quantity", 995, "unitCost", 1));
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
        assertThat(fits.json().get("onHandAfter").asInt()).isEqualTo(Position.MAX_UNITS - 5);
        StateSnapshot full = StateSnapshot.of(APP.jdbi());
        long transferId = transfer.json().get("id").asLong();
        expectRoom(wrong, admin.post("/api/v1/transfers/" + transferId + "/ship", null));
        assertThat(wrong).isEmpty();
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(full);
        assertThat(admin.get("/api/v1/transfers/" + transferId).json().get("status").asText()).isEqualTo("REQUESTED");
        Reply last = admin.post("/api/v1/movements", Map.of("type", "RECEIPT", "depot", "NYC", "sku", "BIG",
                "quantity", 5, "unitCost", 1));
        assertThat(last.json().get("onHandAfter").asInt()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void backordersPastTheColumnRangeAre422BeforeAnyWrite() {
        Fixtures.part(admin, "WAIT", 1.0);
        long order = Fixtures.repairOrder(admin, "BOS", "NORMAL");
        Reply first = admin.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", "WAIT",
                "quantity", 1, "allowBackorder", true));
        assertThat(first.json().get("status").asText()).as(first.body()).isEqualTo("BACKORDERED");
        // As for stock on hand: a million units at a time would take thousands of requests to get here.
        APP.jdbi().useHandle(handle -> handle.execute("""
                UPDATE positions SET backordered = ? WHERE part_id = (SELECT id FROM parts WHERE sku = 'WAIT')
                   AND depot_id = (SELECT id FROM depots WHERE code = 'BOS')""", Position.MAX_UNITS - 5));
        StateSnapshot before = StateSnapshot.of(APP.jdbi());
        List<String> wrong = new ArrayList<>();
        expectRoom(wrong, admin.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", "WAIT",
                "quantity", 6, "allowBackorder", true)));
        assertThat(wrong).isEmpty();
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(before);
        Reply fits = admin.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", "WAIT",
                "quantity", 5, "allowBackorder", true));
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
    }

    private static Map<String, Object> part(String name, String category) {
        return Map.of("sku", "T1", "name", name, "category", category, "unitCost", 1, "leadTimeDays", 1);
    }

    private static void expectField(List<String> wrong, Reply reply, String field) {
        if (reply.status() != 400 || !"VALIDATION_FAILED".equals(reply.error())
                || !field.equals(reply.json().get("details").path("field").asText())) {
            wrong.add(field + " -> " + reply);
        }
    }

    private static void expectRoom(List<String> wrong, Reply reply) {
        if (reply.status() != 422 || !"VALIDATION_FAILED".equals(reply.error())
                || !"quantity".equals(reply.json().get("details").path("field").asText())) {
            wrong.add(reply.toString());
        }
    }
}
