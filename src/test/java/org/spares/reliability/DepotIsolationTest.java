package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.spares.support.StateSnapshot;
import org.spares.support.TestApp;


/**
 * People where they do not belong: a technician and a manager of NYC probe everything of BOS (its repair orders,
 * reservations, ledger rows, stock and a transfer between two other depots) by id, by filter and unfiltered, read
 * and write. Every answer is 403 or 404 or a list without BOS's objects; no answer carries BOS's marker text;
 * nothing changes. Read-only fields (ids, status, onHand, averageUnitCost, ...) in any body are 400 and change
 * nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepotIsolationTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final String MARKER = "BOS-ONLY-7731";

    private ApiClient admin;
    private long bosOrder;
    private long bosReservation;
    private long bosMovement;
    private long otherTransfer;

    @BeforeAll
    void setUp() {
        admin = APP.admin();
        for (String depot : List.of("NYC", "BOS", "CHI")) {
            Fixtures.depot(admin, depot);
        }
        Fixtures.part(admin, "D1", 9.0);
        bosMovement = Fixtures.receive(admin, "BOS", "D1", 10, 9.0).json().get("id").asLong();
        Fixtures.receive(admin, "NYC", "D1", 10, 9.0);
        ApiClient bosTechnician = APP.client(APP.token(Role.TECHNICIAN, "BOS"));
        bosOrder = bosTechnician.post("/api/v1/repair-orders", Map.of("depot", "BOS", "assetTag", MARKER,
                "description", MARKER)).json().get("id").asLong();
        bosReservation = bosTechnician.post("/api/v1/repair-orders/" + bosOrder + "/reservations",
                Map.of("sku", "D1", "quantity", 2)).json().get("id").asLong();
        Reply transfer = admin.post("/api/v1/transfers", Map.of("fromDepot", "BOS", "toDepot", "CHI", "sku", "D1",
                "quantity", 1));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        otherTransfer = transfer.json().get("id").asLong();
    }

    @Test
    void nycPeopleNeitherSeeNorTouchBoston() {
        Map<Role, ApiClient> people = Map.of(Role.TECHNICIAN, APP.client(APP.token(Role.TECHNICIAN, "NYC")),
                Role.MANAGER, APP.client(APP.token(Role.MANAGER, "NYC")));
        StateSnapshot before = StateSnapshot.of(APP.jdbi());
        List<String> leaks = new ArrayList<>();
        for (Role role : people.keySet()) {
            ApiClient nyc = people.get(role);
            for (String[] call : probes()) {
                Reply reply = nyc.send(call[0], call[1], call[0].equals("GET") ? null : call[2] == null ? "{}"
                        : call[2], Map.of());
                boolean refused = reply.status() == 403 || reply.status() == 404;
                boolean cleanList = reply.status() == 200 && call[0].equals("GET") && !call[1].contains("BOS")
                        && reply.json().has("items") && !mentionsBoston(reply);
                if (!refused && !cleanList || reply.body().contains(MARKER)) {
                    leaks.add(role + " " + call[0] + " " + call[1] + " -> " + reply);
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(before);
    }

    /**
     * A depot outside the caller's is refused before anything else of the request is read, so a 400 for a bad
     * filter, paging value or Idempotency-Key never tells what a request about another depot would have done.
     */
    @Test
    void anotherDepotIsRefusedBeforeTheRestOfTheRequestIsRead() {
        ApiClient nyc = APP.client(APP.token(Role.MANAGER, "NYC"));
        for (String path : List.of("/api/v1/repair-orders?depot=BOS&status=bogus",
                "/api/v1/reservations?depot=BOS&status=bogus", "/api/v1/transfers?depot=BOS&status=bogus",
                "/api/v1/movements?depot=BOS&type=bogus", "/api/v1/movements?depot=BOS&from=yesterday",
                "/api/v1/depots/BOS/stock/D1/policy-history?limit=0",
                "/api/v1/depots/BOS/stock/D1/policy-history?cursor=x")) {
            assertThat(nyc.get(path).status()).as(path).isEqualTo(403);
        }
        String receipt = "{\"type\":\"RECEIPT\",\"depot\":\"BOS\",\"sku\":\"D1\",\"quantity\":1,"
                + "\"unitCost\":1}";
        Reply keyed = nyc.send("POST", "/api/v1/movements", receipt, Map.of("Idempotency-Key", "not a key"));
        assertThat(keyed.status()).as(keyed.body()).isEqualTo(403);
    }

    private static boolean mentionsBoston(Reply reply) {
        String body = reply.body();
        return body.contains("\"BOS\"") || body.contains(MARKER);
    }

    private List<String[]> probes() {
        String reserve = "{\"sku\":\"D1\",\"quantity\":1}";
        String receipt = "{\"type\":\"RECEIPT\",\"depot\":\"BOS\",\"sku\":\"D1\",\"quantity\":1,\"unitCost\":1}";
        return List.of(
                new String[] {"GET", "/api/v1/repair-orders/" + bosOrder, null},
                new String[] {"GET", "/api/v1/repair-orders?depot=BOS", null},
                new String[] {"GET", "/api/v1/repair-orders", null},
                new String[] {"POST", "/api/v1/repair-orders/" + bosOrder + "/complete", null},
                new String[] {"POST", "/api/v1/repair-orders/" + bosOrder + "/cancel", null},
                new String[] {"POST", "/api/v1/repair-orders/" + bosOrder + "/reservations", reserve},
                new String[] {"POST", "/api/v1/repair-orders", "{\"depot\":\"BOS\",\"assetTag\":\"x\"}"},
                new String[] {"GET", "/api/v1/reservations/" + bosReservation, null},
                new String[] {"GET", "/api/v1/reservations?depot=BOS", null},
                new String[] {"GET", "/api/v1/reservations", null},
                new String[] {"POST", "/api/v1/reservations/" + bosReservation + "/issue", null},
                new String[] {"POST", "/api/v1/reservations/" + bosReservation + "/release", null},
                new String[] {"GET", "/api/v1/movements/" + bosMovement, null},
                new String[] {"GET", "/api/v1/movements?depot=BOS", null},
                new String[] {"GET", "/api/v1/movements", null},
                new String[] {"POST", "/api/v1/movements", receipt},
                new String[] {"GET", "/api/v1/stock?depot=BOS", null},
                new String[] {"GET", "/api/v1/stock", null},
                new String[] {"GET", "/api/v1/depots/BOS/stock/D1", null},
                new String[] {"GET", "/api/v1/depots/BOS/stock/D1/policy-history", null},
                new String[] {"PUT", "/api/v1/depots/BOS/stock/D1/policy",
                        "{\"targetLevel\":1,\"reorderPoint\":0,\"reason\":\"x\"}"},
                new String[] {"GET", "/api/v1/depots/BOS", null},
                new String[] {"PATCH", "/api/v1/depots/BOS", "{\"meanRepairHours\":1}"},
                new String[] {"GET", "/api/v1/transfers/" + otherTransfer, null},
                new String[] {"GET", "/api/v1/transfers?depot=BOS", null},
                new String[] {"GET", "/api/v1/transfers", null},
                new String[] {"POST", "/api/v1/transfers/" + otherTransfer + "/ship", null},
                new String[] {"POST", "/api/v1/transfers/" + otherTransfer + "/cancel", null});
    }

    /** An ADMIN of NYC is still an NYC person: Boston's people and every-depot users are beyond it. */
    @Test
    void nycAdminNeitherSeesNorTouchesBostonsPeople() {
        long bostonManager = admin.post("/api/v1/users", Map.of("name", MARKER, "role", "MANAGER", "depots",
                List.of("BOS"))).json().get("id").asLong();
        long everyDepotFinance = admin.post("/api/v1/users", Map.of("name", "finance-" + MARKER, "role",
                "FINANCE")).json().get("id").asLong();
        ApiClient nycAdmin = APP.client(APP.token(Role.ADMIN, "NYC"));
        StateSnapshot before = StateSnapshot.of(APP.jdbi());
        List<String> leaks = new ArrayList<>();
        String[][] probes = {
                {"GET", "/api/v1/users", null},
                {"GET", "/api/v1/users?limit=1", null},
                {"DELETE", "/api/v1/users/" + bostonManager, null},
                {"DELETE", "/api/v1/users/" + everyDepotFinance, null},
                {"POST", "/api/v1/users", "{\"name\":\"x\",\"role\":\"ADMIN\"}"},
                {"POST", "/api/v1/users", "{\"name\":\"x\",\"role\":\"FINANCE\",\"depots\":[]}"},
                {"POST", "/api/v1/users", "{\"name\":\"x\",\"role\":\"MANAGER\",\"depots\":[\"BOS\"]}"},
                {"POST", "/api/v1/users", "{\"name\":\"x\",\"role\":\"ADMIN\",\"depots\":[\"NYC\",\"CHI\"]}"}};
        for (String[] call : probes) {
            Reply reply = nycAdmin.send(call[0], call[1], call[2], Map.of());
            boolean refused = reply.status() == 403 || reply.status() == 404;
            boolean cleanList = reply.status() == 200 && call[0].equals("GET") && !mentionsBoston(reply);
            if (!refused && !cleanList || reply.body().contains(MARKER)) {
                leaks.add(call[0] + " " + call[1] + " " + call[2] + " -> " + reply);
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(before);
    }

    @Test
    void readOnlyFieldsAreRefusedInEveryBody() {
        long nycOrder = admin.post("/api/v1/repair-orders", Map.of("depot", "NYC", "assetTag", "N"))
                .json().get("id").asLong();
        StateSnapshot before = StateSnapshot.of(APP.jdbi());
        List<String> accepted = new ArrayList<>();
        String[][] calls = {
                {"POST", "/api/v1/parts", "{\"sku\":\"N1\",\"name\":\"n\",\"category\":\"c\",\"unitCost\":1,"
                        + "\"leadTimeDays\":1,\"averageUnitCost\":5}"},
                {"POST", "/api/v1/parts", "{\"sku\":\"N1\",\"name\":\"n\",\"category\":\"c\",\"unitCost\":1,"
                        + "\"leadTimeDays\":1,\"createdAt\":\"2020-01-01T00:00:00Z\"}"},
                {"PATCH", "/api/v1/parts/D1", "{\"averageUnitCost\":1}"},
                {"PATCH", "/api/v1/parts/D1", "{\"sku\":\"D2\"}"},
                {"PATCH", "/api/v1/parts/D1", "{\"createdAt\":\"2020-01-01T00:00:00Z\"}"},
                {"POST", "/api/v1/depots", "{\"code\":\"SEA\",\"name\":\"s\",\"targetTurnaroundHours\":1,"
                        + "\"meanRepairHours\":1,\"maxPartsWaitHours\":3}"},
                {"PATCH", "/api/v1/depots/NYC", "{\"code\":\"ZZZ\"}"},
                {"PATCH", "/api/v1/depots/NYC", "{\"maxPartsWaitHours\":1}"},
                {"POST", "/api/v1/movements", "{\"type\":\"RECEIPT\",\"depot\":\"NYC\",\"sku\":\"D1\",\"quantity\":1,"
                        + "\"unitCost\":1,\"onHandAfter\":500}"},
                {"POST", "/api/v1/movements", "{\"type\":\"RECEIPT\",\"depot\":\"NYC\",\"sku\":\"D1\",\"quantity\":1,"
                        + "\"unitCost\":1,\"id\":1}"},
                {"PUT", "/api/v1/depots/NYC/stock/D1/policy", "{\"targetLevel\":1,\"reorderPoint\":0,\"reason\":\"r\","
                        + "\"onHand\":99}"},
                {"PUT", "/api/v1/depots/NYC/stock/D1/policy", "{\"targetLevel\":1,\"reorderPoint\":0,\"reason\":\"r\","
                        + "\"averageUnitCost\":1}"},
                {"POST", "/api/v1/repair-orders", "{\"depot\":\"NYC\",\"assetTag\":\"x\",\"status\":\"COMPLETED\"}"},
                {"POST", "/api/v1/repair-orders", "{\"depot\":\"NYC\",\"assetTag\":\"x\",\"id\":7}"},
                {"POST", "/api/v1/repair-orders/" + nycOrder + "/reservations",
                        "{\"sku\":\"D1\",\"quantity\":1,\"status\":\"ISSUED\"}"},
                {"POST", "/api/v1/transfers", "{\"fromDepot\":\"NYC\",\"toDepot\":\"CHI\",\"sku\":\"D1\",\"quantity\":1,"
                        + "\"status\":\"RECEIVED\"}"},
                {"POST", "/api/v1/users", "{\"name\":\"x\",\"role\":\"FINANCE\",\"token\":\"sp_chosen\"}"},
                {"POST", "/api/v1/users", "{\"name\":\"x\",\"role\":\"FINANCE\",\"id\":1}"}};
        for (String[] call : calls) {
            Reply reply = admin.send(call[0], call[1], call[2], Map.of());
            if (reply.status() != 400 || !"VALIDATION_FAILED".equals(reply.error())) {
                accepted.add(call[0] + " " + call[1] + " " + call[2] + " -> " + reply);
            }
        }
        assertThat(accepted).isEmpty();
        assertThat(StateSnapshot.of(APP.jdbi())).isEqualTo(before);
    }
}
