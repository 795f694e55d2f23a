package org.spares.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the load needs, created through the API as any client would: one depot, {@code parts} parts with a
 * million units each, a hot part with several millions (so stock never runs out: every reservation takes 1),
 * technicians with their tokens, and one repair order per client.
 */
final class BenchFixture {
    static final String DEPOT = "BENCH";
    static final String HOT_SKU = "HOT-1";
    private static final int STOCK = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> skus = new ArrayList<>();
    final List<String> technicianTokens = new ArrayList<>();
    final List<Long> repairOrders = new ArrayList<>();

    private BenchFixture() {
    }

    static BenchFixture create(HttpLite http, String adminToken, int parts, int technicians, int orders,
            int hotReceipts) throws IOException {
        BenchFixture fixture = new BenchFixture();
        expect(http.send("POST", "/api/v1/depots", adminToken, """
                {"code": "%s", "name": "Benchmark depot", "targetTurnaroundHours": 48, "meanRepairHours": 8}"""
                .formatted(DEPOT), null), 201);
        for (int i = 0; i <= parts; i++) {
            String sku = i == parts ? HOT_SKU : String.format("BP-%05d", i);
            expect(http.send("POST", "/api/v1/parts", adminToken, """
                    {"sku": "%s", "name": "Bench part %d", "category": "bench", "unitCost": 10, "leadTimeDays": 7}"""
                    .formatted(sku, i), null), 201);
            for (int receipt = 0; receipt < (i == parts ? hotReceipts : 1); receipt++) {
                expect(http.send("POST", "/api/v1/movements", adminToken, """
                        {"type": "RECEIPT", "depot": "%s", "sku": "%s", "quantity": %d, "unitCost": 10}"""
                        .formatted(DEPOT, sku, STOCK), null), 201);
            }
            if (i < parts) {
                fixture.skus.add(sku);
            }
        }
        for (int i = 0; i < technicians; i++) {
            JsonNode user = expect(http.send("POST", "/api/v1/users", adminToken, """
                    {"name": "bench-tech-%d", "role": "TECHNICIAN", "depots": ["%s"]}""".formatted(i, DEPOT), null),
                    201);
            fixture.technicianTokens.add(user.get("token").asText());
        }
        for (int i = 0; i < orders; i++) {
            String token = fixture.technicianTokens.get(i % technicians);
            JsonNode order = expect(http.send("POST", "/api/v1/repair-orders", token, """
                    {"depot": "%s", "assetTag": "BENCH-ASSET-%d", "priority": "NORMAL"}""".formatted(DEPOT, i), null),
                    201);
            fixture.repairOrders.add(order.get("id").asLong());
        }
        return fixture;
    }

    private static JsonNode expect(HttpLite.Response response, int status) throws IOException {
        if (response.status() != status) {
            throw new IllegalStateException("setup call answered " + response.status() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
