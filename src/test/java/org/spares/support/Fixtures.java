package org.spares.support;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spares.service.LedgerChecker;
import org.spares.support.ApiClient.Reply;


/** Short ways to build test data through the API, and to assert the ledger is exact. */
public final class Fixtures {
    private Fixtures() {
    }

    public static void depot(ApiClient admin, String code) {
        Reply reply = admin.post("/api/v1/depots", Map.of("code", code, "name", "Depot " + code,
                "targetTurnaroundHours", 48, "meanRepairHours", 8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    public static void part(ApiClient admin, String sku, double unitCost) {
        Reply reply = admin.post("/api/v1/parts", Map.of("sku", sku, "name", "Part " + sku, "category", "test",
                "unitCost", unitCost, "leadTimeDays", 10));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    public static Map<String, Object> movement(String type, String depot, String sku, int quantity, Double unitCost) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("depot", depot);
        body.put("sku", sku);
        body.put("quantity", quantity);
        if (unitCost != null) {
            body.put("unitCost", unitCost);
        }
        return body;
    }

    public static Reply receive(ApiClient manager, String depot, String sku, int quantity, double unitCost) {
        Reply reply = manager.post("/api/v1/movements", movement("RECEIPT", depot, sku, quantity, unitCost));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    /** Opens a repair order at the depot and returns its id. */
    public static long repairOrder(ApiClient client, String depot, String priority) {
        Reply reply = client.post("/api/v1/repair-orders", Map.of("depot", depot, "assetTag", "T-" + priority,
                "priority", priority));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    public static int onHand(ApiClient client, String depot, String sku) {
        return client.get("/api/v1/depots/" + depot + "/stock/" + sku).json().get("onHand").asInt();
    }

    /** Runs check-ledger's checks and fails with every violation found. */
    public static void assertLedgerExact(TestApp app) {
        List<String> violations = new LedgerChecker(TestServices.transactions(app.jdbi())).check(line -> { });
        assertThat(violations).as("check-ledger").isEmpty();
    }
}
