package org.spares.api;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.spares.support.TestApp;


/** Depots, parts, users, CSV import, errors and idempotency over real HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueEndToEndTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient admin;

    @BeforeAll
    void setUp() {
        admin = APP.admin();
        assertThat(admin.post("/api/v1/depots", depot("NYC")).status()).isEqualTo(201);
    }

    private static Map<String, Object> depot(String code) {
        return Map.of("code", code, "name", "Depot " + code, "targetTurnaroundHours", 48, "meanRepairHours", 8);
    }

    private static Map<String, Object> part(String sku) {
        return Map.of("sku", sku, "name", "Part " + sku, "category", "valves", "unitCost", 125.5, "leadTimeDays", 14);
    }

    @Test
    void createsReadsAndPatchesDepots() {
        Reply created = admin.post("/api/v1/depots", Map.of("code", "ATL", "name", "Atlanta",
                "targetTurnaroundHours", 72, "meanRepairHours", 6, "minFillRate", 0.85));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/depots/ATL");
        assertThat(created.json().get("maxPartsWaitHours").decimalValue()).isEqualByComparingTo("66");
        assertThat(admin.get("/api/v1/depots/ATL").json().get("minFillRate").decimalValue())
                .isEqualByComparingTo("0.85");
        Reply patched = admin.patch("/api/v1/depots/ATL", Map.of("meanRepairHours", 10));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("maxPartsWaitHours").decimalValue()).isEqualByComparingTo("62");
        Map<String, Object> clear = new HashMap<>();
        clear.put("minFillRate", null);
        assertThat(admin.patch("/api/v1/depots/ATL", clear).json().get("minFillRate").isNull()).isTrue();
        assertThat(admin.post("/api/v1/depots", depot("ATL")).error()).isEqualTo("CONFLICT");
        assertThat(admin.get("/api/v1/depots/NOPE").status()).isEqualTo(404);
    }

    @Test
    void aMeanRepairTimeThatLeavesNoTimeForPartsIs422NamingTheField() {
        int before = count("depots");
        assertBad(admin.post("/api/v1/depots", Map.of("code", "NOWAIT", "name", "n", "targetTurnaroundHours", 8,
                "meanRepairHours", 8)), 422, "meanRepairHours");
        assertBad(admin.post("/api/v1/depots", Map.of("code", "NOWAIT", "name", "n", "targetTurnaroundHours", 8,
                "meanRepairHours", 9)), 422, "meanRepairHours");
        assertThat(count("depots")).isEqualTo(before);

        assertThat(admin.post("/api/v1/depots", depot("WAIT")).status()).isEqualTo(201);
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "WAIT"));
        assertBad(manager.patch("/api/v1/depots/WAIT", Map.of("meanRepairHours", 48)), 422, "meanRepairHours");
        assertBad(admin.patch("/api/v1/depots/WAIT", Map.of("targetTurnaroundHours", 6)), 422, "meanRepairHours");
        JsonNode unchanged = admin.get("/api/v1/depots/WAIT").json();
        assertThat(unchanged.get("meanRepairHours").decimalValue()).isEqualByComparingTo("8");
        assertThat(unchanged.get("maxPartsWaitHours").decimalValue()).isEqualByComparingTo("40");
        Reply tight = manager.patch("/api/v1/depots/WAIT", Map.of("targetTurnaroundHours", 8.5));
        assertThat(tight.status()).as(tight.body()).isEqualTo(200);
        assertThat(tight.json().get("maxPartsWaitHours").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void managerChangesOnlyItsOwnDepotsServiceTargets() {
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "NYC"));
        assertThat(manager.patch("/api/v1/depots/NYC", Map.of("targetTurnaroundHours", 40)).status()).isEqualTo(200);
        Reply rename = manager.patch("/api/v1/depots/NYC", Map.of("name", "Renamed"));
        assertThat(rename.status()).isEqualTo(400);
        assertThat(rename.json().at("/details/reason").asText()).isEqualTo("read-only");
        assertThat(admin.post("/api/v1/depots", depot("SFO")).status()).isEqualTo(201);
        assertThat(manager.patch("/api/v1/depots/SFO", Map.of("targetTurnaroundHours", 40)).status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/depots/SFO").status()).isEqualTo(403);
        List<String> visible = new ArrayList<>();
        manager.get("/api/v1/depots").json().get("items").forEach(item -> visible.add(item.get("code").asText()));
        assertThat(visible).containsExactly("NYC");
    }

    @Test
    void rejectsBadBodiesWithTheErrorBodyAndChangesNothing() {
        int before = count("depots");
        assertBad(admin.send("POST", "/api/v1/depots", "{\"code\":", Map.of()), 400, null);
        assertBad(admin.post("/api/v1/depots", Map.of("code", "X1Y", "name", "n", "targetTurnaroundHours", 1,
                "meanRepairHours", 1, "colour", "red")), 400, "colour");
        assertBad(admin.post("/api/v1/depots", Map.of("code", "X1Y", "name", "n", "targetTurnaroundHours", "soon",
                "meanRepairHours", 1)), 400, "targetTurnaroundHours");
        assertBad(admin.post("/api/v1/depots", Map.of("code", "lower", "name", "n", "targetTurnaroundHours", 1,
                "meanRepairHours", 1)), 400, "code");
        assertBad(admin.send("POST", "/api/v1/depots", "[]", Map.of()), 400, null);
        assertBad(admin.send("POST", "/api/v1/depots", "", Map.of()), 400, null);
        assertThat(admin.send("POST", "/api/v1/depots", "<xml/>", Map.of("Content-Type", "application/xml"))
                .status()).isEqualTo(415);
        assertThat(count("depots")).isEqualTo(before);
    }

    @Test
    void unknownPathsAndMethodsAnswerTheErrorBody() {
        Reply missing = admin.get("/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("NOT_FOUND");
        Reply wrongMethod = admin.send("PUT", "/api/v1/depots", "{}", Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.error()).isEqualTo("METHOD_NOT_ALLOWED");
        Reply badLimit = admin.get("/api/v1/parts?limit=lots");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().at("/details/field").asText()).isEqualTo("limit");
    }

    @Test
    void oversizedBodiesAre413WhetherDeclaredOrChunked() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        Reply declared = admin.post("/api/v1/parts", huge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.error()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(admin.get("/api/v1/depots").status()).isEqualTo(200);
    }

    @Test
    void partsCsvImportIsAllOrNothingAndNamesEveryBadLine() {
        int before = count("parts");
        String bad = """
                sku,name,category,unitCost,holdingRate,leadTimeDays
                CSV-1,Alpha,valves,10.5,,7
                CSV-2,Beta,valves,-1,0.2,7
                CSV-3,Gamma,valves,abc,0.2,
                CSV-1,Again,valves,1,,1
                bad sku!,Delta,valves,1,,1
                """;
        Reply refused = admin.send("POST", "/api/v1/parts/import", bad, Map.of("Content-Type", "text/csv"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).isEqualTo("VALIDATION_FAILED");
        Set<Integer> lines = new HashSet<>();
        refused.json().at("/details/rows").forEach(row -> lines.add(row.get("line").asInt()));
        assertThat(lines).containsExactlyInAnyOrder(3, 4, 5, 6);
        assertThat(count("parts")).isEqualTo(before);

        String good = """
                sku,name,category,unitCost,holdingRate,leadTimeDays
                CSV-1,Alpha,valves,10.5,,7
                CSV-2,Beta,"filters, fine",2.25,0.3,3
                """;
        Reply imported = admin.send("POST", "/api/v1/parts/import", good, Map.of("Content-Type", "text/csv"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/parts/CSV-2").json().get("category").asText()).isEqualTo("filters, fine");
        assertThat(admin.get("/api/v1/parts/CSV-1").json().get("holdingRate").decimalValue())
                .isEqualByComparingTo("0.25");
        Reply again = admin.send("POST", "/api/v1/parts/import", good.replace("10.5", "11"),
                Map.of("Content-Type", "text/csv"));
        assertThat(again.json().get("updated").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/parts/CSV-1").json().get("unitCost").decimalValue()).isEqualByComparingTo("11");
        Reply header = admin.send("POST", "/api/v1/parts/import", "a,b\n1,2\n", Map.of("Content-Type", "text/csv"));
        assertThat(header.status()).isEqualTo(400);
    }

    @Test
    void partsListFiltersAndPages() {
        for (int i = 0; i < 5; i++) {
            assertThat(admin.post("/api/v1/parts", Map.of("sku", "PG-" + i, "name", "Pager " + i, "category", "pages",
                    "unitCost", 1, "leadTimeDays", 1)).status()).isEqualTo(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = admin.get("/api/v1/parts?category=pages&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.json().get("items").forEach(item -> seen.add(item.get("sku").asText()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).containsExactly("PG-0", "PG-1", "PG-2", "PG-3", "PG-4");
        assertThat(admin.get("/api/v1/parts?q=Pager%203").json().get("items").size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/parts?cursor=garbage").status()).isEqualTo(400);
    }

    @Test
    void idempotentPostReplaysTheSameAnswerAndRefusesADifferentBody() {
        Reply first = admin.post("/api/v1/parts", part("IDEM-1"), "key-idem-1");
        Reply replay = admin.post("/api/v1/parts", part("IDEM-1"), "key-idem-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        Reply reused = admin.post("/api/v1/parts", part("IDEM-2"), "key-idem-1");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.error()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(admin.get("/api/v1/parts/IDEM-2").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/parts", part("IDEM-3"), "x".repeat(65)).status()).isEqualTo(400);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> admin.post("/api/v1/parts", part("RACE-1"), "race-key"));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<Reply> reply : pool.invokeAll(calls)) {
                assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(201);
                bodies.add(reply.get().body());
            }
            assertThat(bodies).hasSize(1);
            int rows = APP.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM parts WHERE sku = 'RACE-1'")
                    .mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void newUserTokenIsShownOnceAndNeverReplayed() {
        Reply created = admin.post("/api/v1/users", Map.of("name", "tech", "role", "TECHNICIAN",
                "depots", List.of("NYC")), "user-key");
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asText();
        assertThat(token).hasSizeGreaterThan(40);
        Reply replay = admin.post("/api/v1/users", Map.of("name", "tech", "role", "TECHNICIAN",
                "depots", List.of("NYC")), "user-key");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("token").isNull()).isTrue();
        assertThat(replay.json().get("id").asLong()).isEqualTo(created.json().get("id").asLong());
        String stored = APP.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM users WHERE id = :id")
                .bind("id", created.json().get("id").asLong()).mapTo(String.class).one());
        assertThat(stored).doesNotContain(token).hasSize(64);
        assertThat(admin.post("/api/v1/users", Map.of("name", "m", "role", "MANAGER")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/users", Map.of("name", "m", "role", "MANAGER", "depots", List.of("ZZZ")))
                .status()).isEqualTo(400);
    }

    @Test
    void requestIdIsEchoedOrMadeAndOperationsEndpointsAnswer() {
        Reply given = admin.send("GET", "/api/v1/depots", null, Map.of("X-Request-Id", "trace-123"));
        assertThat(given.header("X-Request-Id")).isEqualTo("trace-123");
        assertThat(admin.get("/api/v1/depots").header("X-Request-Id")).isNotBlank();
        ApiClient operations = new ApiClient(APP.adminUrl(), null);
        Reply health = operations.get("/healthcheck");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("database").get("healthy").asBoolean()).isTrue();
        assertThat(operations.get("/metrics").status()).isEqualTo(200);
        Reply description = new ApiClient(APP.baseUrl(), null).get("/api/v1/openapi.json");
        assertThat(description.json().get("paths").has("/api/v1/parts/import")).isTrue();
    }

    private static void assertBad(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.error()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.json().get("message").asText()).isNotBlank().doesNotContain("com.fasterxml", "java.",
                "Exception", "SELECT", "INSERT");
        if (field != null) {
            assertThat(reply.json().at("/details/field").asText()).isEqualTo(field);
        }
    }

    private static int count(String table) {
        return APP.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }
}
