package org.spares.api;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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


/**
 * Every endpoint with every role, with no token and with a revoked token. A role outside an endpoint's list gets
 * 403; a role inside it is never refused for its role (it may still get 4xx for the harmless probe body). The
 * matrix must name every operation the OpenAPI description lists, so a new endpoint cannot slip past it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private static final Set<Role> ALL = Set.of(Role.values());
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.MANAGER);
    private static final Set<Role> FIELD = Set.of(Role.ADMIN, Role.MANAGER, Role.TECHNICIAN);
    private static final Set<Role> PLANNERS = Set.of(Role.ADMIN, Role.MANAGER, Role.FINANCE);

    /** One row of the matrix: the call and the roles allowed to make it (for a user scoped to NYC). */
    record Endpoint(String method, String template, String path, Object body, Set<Role> allowed) {
    }

    private final List<Endpoint> endpoints = new ArrayList<>();
    private Map<Role, ApiClient> clients;

    @BeforeAll
    void setUp() {
        ApiClient admin = APP.admin();
        assertThat(admin.post("/api/v1/depots", Map.of("code", "NYC", "name", "New York",
                "targetTurnaroundHours", 48, "meanRepairHours", 8)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/depots", Map.of("code", "BOS", "name", "Boston",
                "targetTurnaroundHours", 48, "meanRepairHours", 8)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/parts", Map.of("sku", "P1", "name", "Part", "category", "c",
                "unitCost", 10, "leadTimeDays", 5)).status()).isEqualTo(201);
        clients = Map.of(
                Role.ADMIN, APP.client(APP.token(Role.ADMIN)),
                Role.MANAGER, APP.client(APP.token(Role.MANAGER, "NYC")),
                Role.TECHNICIAN, APP.client(APP.token(Role.TECHNICIAN, "NYC")),
                Role.FINANCE, APP.client(APP.token(Role.FINANCE)));
        // Probe bodies are invalid on purpose: an allowed role gets 4xx for the body, never a change.
        add("POST", "/api/v1/users", "/api/v1/users", Map.of(), ADMIN);
        add("GET", "/api/v1/users", "/api/v1/users", null, ADMIN);
        add("DELETE", "/api/v1/users/{id}", "/api/v1/users/999999", null, ADMIN);
        add("POST", "/api/v1/users/{id}/password", "/api/v1/users/999999/password", Map.of(), ALL);
        add("POST", "/api/v1/depots", "/api/v1/depots", Map.of(), ADMIN);
        add("GET", "/api/v1/depots", "/api/v1/depots", null, ALL);
        add("GET", "/api/v1/depots/{code}", "/api/v1/depots/NYC", null, ALL);
        add("PATCH", "/api/v1/depots/{code}", "/api/v1/depots/NYC", Map.of("meanRepairHours", -1), WRITERS);
        add("POST", "/api/v1/parts", "/api/v1/parts", Map.of(), WRITERS);
        add("POST", "/api/v1/parts/import", "/api/v1/parts/import", "not,a,header\n", WRITERS);
        add("GET", "/api/v1/parts", "/api/v1/parts", null, ALL);
        add("GET", "/api/v1/parts/{sku}", "/api/v1/parts/P1", null, ALL);
        add("PATCH", "/api/v1/parts/{sku}", "/api/v1/parts/P1", Map.of("unitCost", -1), WRITERS);
        add("GET", "/api/v1/stock", "/api/v1/stock?depot=NYC", null, ALL);
        add("GET", "/api/v1/depots/{code}/stock/{sku}", "/api/v1/depots/NYC/stock/P1", null, ALL);
        add("PUT", "/api/v1/depots/{code}/stock/{sku}/policy", "/api/v1/depots/NYC/stock/P1/policy",
                Map.of("targetLevel", 1), WRITERS);
        add("GET", "/api/v1/depots/{code}/stock/{sku}/policy-history", "/api/v1/depots/NYC/stock/P1/policy-history",
                null, ALL);
        add("GET", "/api/v1/depots/{code}/stock/{sku}/forecast", "/api/v1/depots/NYC/stock/P1/forecast", null,
                PLANNERS);
        add("POST", "/api/v1/movements", "/api/v1/movements", Map.of("depot", "NYC"), WRITERS);
        add("GET", "/api/v1/movements", "/api/v1/movements?depot=NYC", null, ALL);
        add("GET", "/api/v1/movements/{id}", "/api/v1/movements/999999", null, ALL);
        add("POST", "/api/v1/transfers", "/api/v1/transfers", Map.of("fromDepot", "NYC"), WRITERS);
        add("POST", "/api/v1/transfers/{id}/ship", "/api/v1/transfers/999999/ship", null, WRITERS);
        add("POST", "/api/v1/transfers/{id}/receive", "/api/v1/transfers/999999/receive", null, WRITERS);
        add("POST", "/api/v1/transfers/{id}/cancel", "/api/v1/transfers/999999/cancel", null, WRITERS);
        add("GET", "/api/v1/transfers", "/api/v1/transfers?depot=NYC", null, ALL);
        add("GET", "/api/v1/transfers/{id}", "/api/v1/transfers/999999", null, ALL);
        add("POST", "/api/v1/repair-orders", "/api/v1/repair-orders", Map.of("depot", "NYC"), FIELD);
        add("GET", "/api/v1/repair-orders", "/api/v1/repair-orders?depot=NYC", null, ALL);
        add("GET", "/api/v1/repair-orders/{id}", "/api/v1/repair-orders/999999", null, ALL);
        add("POST", "/api/v1/repair-orders/{id}/complete", "/api/v1/repair-orders/999999/complete", null, FIELD);
        add("POST", "/api/v1/repair-orders/{id}/cancel", "/api/v1/repair-orders/999999/cancel", null, FIELD);
        add("POST", "/api/v1/repair-orders/{id}/reservations", "/api/v1/repair-orders/999999/reservations",
                Map.of("sku", "P1"), FIELD);
        add("POST", "/api/v1/reservations/{id}/issue", "/api/v1/reservations/999999/issue", null, FIELD);
        add("POST", "/api/v1/reservations/{id}/release", "/api/v1/reservations/999999/release", null, FIELD);
        add("GET", "/api/v1/reservations", "/api/v1/reservations?depot=NYC", null, ALL);
        add("GET", "/api/v1/reservations/{id}", "/api/v1/reservations/999999", null, ALL);
        add("POST", "/api/v1/optimizer/solve", "/api/v1/optimizer/solve", Map.of(), PLANNERS);
        add("POST", "/api/v1/optimizer/frontier", "/api/v1/optimizer/frontier", Map.of(), PLANNERS);
        add("POST", "/api/v1/optimizer/simulate", "/api/v1/optimizer/simulate", Map.of(), PLANNERS);
        add("POST", "/api/v1/forecast", "/api/v1/forecast", Map.of(), PLANNERS);
        add("GET", "/api/v1/reports/carrying-cost", "/api/v1/reports/carrying-cost?from=2020-01-01", null, PLANNERS);
        add("GET", "/api/v1/reports/valuation", "/api/v1/reports/valuation", null, PLANNERS);
        add("GET", "/api/v1/reports/excess", "/api/v1/reports/excess", null, PLANNERS);
        add("GET", "/api/v1/reports/dead-stock", "/api/v1/reports/dead-stock", null, PLANNERS);
        add("GET", "/api/v1/reports/turnaround", "/api/v1/reports/turnaround?from=2020-01-01", null, PLANNERS);
        add("GET", "/api/v1/reports/turnaround-distribution", "/api/v1/reports/turnaround-distribution?from=2020-01-01",
                null, PLANNERS);
        add("POST", "/api/v1/optimizations", "/api/v1/optimizations", Map.of(), WRITERS);
        add("GET", "/api/v1/optimizations", "/api/v1/optimizations?depot=NYC", null, PLANNERS);
        add("GET", "/api/v1/optimizations/{id}", "/api/v1/optimizations/999999", null, PLANNERS);
        add("GET", "/api/v1/optimizations/{id}/model", "/api/v1/optimizations/999999/model", null, PLANNERS);
        add("GET", "/api/v1/optimizations/{id}/recommendations", "/api/v1/optimizations/999999/recommendations",
                null, PLANNERS);
        add("GET", "/api/v1/optimizations/{id}/simulation", "/api/v1/optimizations/999999/simulation", null,
                PLANNERS);
        add("POST", "/api/v1/optimizations/{id}/cancel", "/api/v1/optimizations/999999/cancel", null, WRITERS);
        add("POST", "/api/v1/optimizations/{id}/apply", "/api/v1/optimizations/999999/apply", null, WRITERS);
    }

    private void add(String method, String template, String path, Object body, Set<Role> allowed) {
        endpoints.add(new Endpoint(method, template, path, body, allowed));
    }

    @Test
    void everyRoleGetsItsAnswerOnEveryEndpoint() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Role role : Role.values()) {
                Reply reply = call(clients.get(role), endpoint);
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed && (reply.status() == 401 || reply.status() == 403 || reply.status() >= 500)) {
                    wrong.add(role + " " + endpoint.method() + " " + endpoint.path() + " -> " + reply);
                }
                if (!allowed && reply.status() != 403) {
                    wrong.add(role + " " + endpoint.method() + " " + endpoint.path() + " -> " + reply + " (want 403)");
                }
                if (!allowed && !"FORBIDDEN".equals(reply.error())) {
                    wrong.add(role + " " + endpoint.method() + " " + endpoint.path() + " error body " + reply);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noTokenAndUnknownTokenAre401OnEveryEndpoint() {
        for (Endpoint endpoint : endpoints) {
            for (ApiClient anonymous : List.of(new ApiClient(APP.baseUrl(), null),
                    new ApiClient(APP.baseUrl(), "sp_not-a-real-token"))) {
                Reply reply = call(anonymous, endpoint);
                assertThat(reply.status()).as(endpoint.method() + " " + endpoint.path()).isEqualTo(401);
                assertThat(reply.error()).isEqualTo("UNAUTHENTICATED");
            }
        }
    }

    @Test
    void revokedTokenIsRefusedOnItsVeryNextRequest() {
        ApiClient admin = clients.get(Role.ADMIN);
        Reply created = admin.post("/api/v1/users", Map.of("name", "leaver", "role", "FINANCE"));
        assertThat(created.status()).isEqualTo(201);
        ApiClient leaver = APP.client(created.json().get("token").asText());
        assertThat(leaver.get("/api/v1/depots").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/users/" + created.json().get("id").asLong()).status()).isEqualTo(204);
        for (Endpoint endpoint : endpoints) {
            assertThat(call(leaver, endpoint).status()).as(endpoint.method() + " " + endpoint.path()).isEqualTo(401);
        }
    }

    /**
     * The escalation the review found: an ADMIN of NYC made an unscoped ADMIN and revoked anyone. A scoped ADMIN
     * may create users only with depots all within its own (never none, which means every depot), sees only
     * those users, and gets 404 for any other; the unscoped ADMIN still manages everyone.
     */
    @Test
    void depotScopedAdminManagesOnlyUsersWithinItsDepots() {
        ApiClient admin = clients.get(Role.ADMIN);
        ApiClient nycAdmin = APP.client(APP.token(Role.ADMIN, "NYC"));
        long bostonManager = createdId(admin, Map.of("name", "bos-manager", "role", "MANAGER", "depots",
                List.of("BOS")));
        long bothManager = createdId(admin, Map.of("name", "both-manager", "role", "MANAGER", "depots",
                List.of("BOS", "NYC")));
        long globalFinance = createdId(admin, Map.of("name", "global-finance", "role", "FINANCE"));
        List<Map<String, Object>> beyond = List.of(
                Map.of("name", "root", "role", "ADMIN"),
                Map.of("name", "root", "role", "ADMIN", "depots", List.of()),
                Map.of("name", "auditor", "role", "FINANCE"),
                Map.of("name", "boston", "role", "MANAGER", "depots", List.of("BOS")),
                Map.of("name", "both", "role", "ADMIN", "depots", List.of("NYC", "BOS")),
                Map.of("name", "nowhere", "role", "TECHNICIAN", "depots", List.of("ZZZ")));
        int usersBefore = allUsers(admin).size();
        for (Map<String, Object> body : beyond) {
            Reply refused = nycAdmin.post("/api/v1/users", body);
            assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(403);
            assertThat(refused.error()).isEqualTo("FORBIDDEN");
        }
        for (long id : List.of(bostonManager, bothManager, globalFinance, userId(admin, "admin-"))) {
            assertThat(nycAdmin.delete("/api/v1/users/" + id).status()).as("user " + id).isEqualTo(404);
        }
        List<JsonNode> after = allUsers(admin);
        assertThat(after).hasSize(usersBefore);
        assertThat(after).filteredOn(user -> Set.of(bostonManager, bothManager, globalFinance)
                .contains(user.get("id").asLong())).hasSize(3).allMatch(user -> user.path("revokedAt").isNull()
                        || user.path("revokedAt").isMissingNode());

        long nycManager = createdId(nycAdmin, Map.of("name", "nyc-manager", "role", "MANAGER", "depots",
                List.of("NYC")));
        createdId(nycAdmin, Map.of("name", "nyc-deputy", "role", "ADMIN", "depots", List.of("NYC")));
        List<JsonNode> seen = allUsers(nycAdmin);
        assertThat(seen).isNotEmpty().allMatch(user -> user.get("depots").size() > 0
                && user.get("depots").toString().equals("[\"NYC\"]"));
        assertThat(seen).extracting(user -> user.get("name").asText()).contains("nyc-manager", "nyc-deputy");
        assertThat(nycAdmin.delete("/api/v1/users/" + nycManager).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/users/" + bostonManager).status()).isEqualTo(204);
    }

    private static long createdId(ApiClient client, Map<String, Object> body) {
        Reply created = client.post("/api/v1/users", body);
        assertThat(created.status()).as(body + " -> " + created).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static List<JsonNode> allUsers(ApiClient client) {
        Reply page = client.get("/api/v1/users?limit=500");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> users = new ArrayList<>();
        page.json().get("items").forEach(users::add);
        return users;
    }

    private static long userId(ApiClient admin, String name) {
        return allUsers(admin).stream().filter(user -> user.get("name").asText().equals(name)).findFirst()
                .orElseThrow().get("id").asLong();
    }

    @Test
    void matrixCoversEveryOperationOfTheOpenApiDescription() {
        Reply description = new ApiClient(APP.baseUrl(), null).get("/api/v1/openapi.json");
        assertThat(description.status()).isEqualTo(200);
        Set<String> described = new TreeSet<>();
        JsonNode paths = description.json().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase() + " "
                    + path.getKey()));
        }
        Set<String> covered = new TreeSet<>();
        endpoints.forEach(endpoint -> covered.add(endpoint.method() + " " + endpoint.template()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(described);
    }

    private static Reply call(ApiClient client, Endpoint endpoint) {
        Map<String, String> headers = endpoint.body() instanceof String ? Map.of("Content-Type", "text/csv") : Map.of();
        try {
            return client.send(endpoint.method(), endpoint.path(), endpoint.body(), headers);
        } catch (RuntimeException failure) {
            throw new AssertionError(endpoint.method() + " " + endpoint.path() + " failed", failure);
        }
    }
}
