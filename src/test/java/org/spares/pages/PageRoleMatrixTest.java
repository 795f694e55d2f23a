package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.Fixtures;
import org.spares.support.PageClient;
import org.spares.support.Runs;
import org.spares.support.TestApp;

/**
 * Every page and every form post under /ui with every role (each scoped to depot NYC), signed out, and aimed at
 * another depot (BOS). A role outside a row's list gets 403, as the API answers it; a role inside is never refused
 * for its role; signed out, a page redirects to sign-in and a post is 401. The rows must name every page method the
 * running service has, so a new page cannot slip past. Add a row with each new page or form.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageRoleMatrixTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private static final Set<Role> ALL = Set.of(Role.values());
    private static final Set<Role> FIELD = Set.of(Role.ADMIN, Role.MANAGER, Role.TECHNICIAN);

    /** One row: the method and path template as declared, a path to try, and the roles allowed. */
    record Row(String method, String template, String path, Set<Role> allowed) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<Role, PageClient> clients = new EnumMap<>(Role.class);

    @BeforeAll
    void setUp() {
        Fixtures.depot(APP.admin(), "NYC");
        Fixtures.depot(APP.admin(), "BOS");
        Fixtures.part(APP.admin(), "P1", 10);
        for (Role role : Role.values()) {
            String name = "matrix-" + role.name().toLowerCase();
            APP.person(name, role, "NYC");
            PageClient client = new PageClient(APP.baseUrl());
            assertThat(client.signIn(name, TestApp.PASSWORD).statusCode()).isEqualTo(303);
            client.get("/ui/depots");
            clients.put(role, client);
        }
        get("/ui", "/ui", ALL);
        // manager pages: NYC's dashboard, stock table, a position and its forms
        Set<Role> writers = Set.of(Role.ADMIN, Role.MANAGER);
        get("/ui/depots/{code}", "/ui/depots/NYC", ALL);
        get("/ui/depots/{code}/stock", "/ui/depots/NYC/stock", ALL);
        get("/ui/depots/{code}/stock/{sku}", "/ui/depots/NYC/stock/P1", ALL);
        post("/ui/depots/{code}/stock/{sku}/policy", "/ui/depots/NYC/stock/P1/policy", writers);
        post("/ui/depots/{code}/stock/{sku}/movements", "/ui/depots/NYC/stock/P1/movements", writers);
        post("/ui/depots/{code}/stock/{sku}/count", "/ui/depots/NYC/stock/P1/count", writers);
        post("/ui/depots/{code}/stock/{sku}/transfers", "/ui/depots/NYC/stock/P1/transfers", writers);
        // technician pages: an order and a reservation of NYC to act on
        ApiClient admin = APP.admin();
        Fixtures.receive(admin, "NYC", "P1", 10, 10);
        long order = Fixtures.repairOrder(admin, "NYC", "NORMAL");
        long reservation = admin.post("/api/v1/repair-orders/" + order + "/reservations",
                Map.of("sku", "P1", "quantity", 1)).json().get("id").asLong();
        get("/ui/repair-orders", "/ui/repair-orders?depot=NYC", ALL);
        post("/ui/repair-orders", "/ui/repair-orders", FIELD);
        get("/ui/repair-orders/{id}", "/ui/repair-orders/" + order, ALL);
        get("/ui/repair-orders/{id}/parts", "/ui/repair-orders/" + order + "/parts?q=P", ALL);
        post("/ui/repair-orders/{id}/reservations", "/ui/repair-orders/" + order + "/reservations", FIELD);
        post("/ui/reservations/{id}/issue", "/ui/reservations/" + reservation + "/issue", FIELD);
        post("/ui/reservations/{id}/release", "/ui/reservations/" + reservation + "/release", FIELD);
        post("/ui/repair-orders/{id}/complete", "/ui/repair-orders/" + order + "/complete", FIELD);
        get("/ui/depots", "/ui/depots", ALL);
        post("/ui/logout", "/ui/logout", ALL);

        // Optimizations: one ended run over NYC to point the run's pages at.
        long run = APP.admin().post("/api/v1/optimizations", Map.of("depots", List.of("NYC"), "historyDays", 60))
                .json().get("id").asLong();
        Runs.waitForEnd(APP.admin(), run);
        Set<Role> optimizationReaders = Set.of(Role.ADMIN, Role.MANAGER, Role.FINANCE);
        Set<Role> optimizationWriters = Set.of(Role.ADMIN, Role.MANAGER);
        get("/ui/optimizations", "/ui/optimizations", optimizationReaders);
        post("/ui/optimizations", "/ui/optimizations", optimizationWriters);
        get("/ui/optimizations/{id}", "/ui/optimizations/" + run, optimizationReaders);
        get("/ui/optimizations/{id}/progress", "/ui/optimizations/" + run + "/progress", optimizationReaders);
        post("/ui/optimizations/{id}/apply", "/ui/optimizations/" + run + "/apply", optimizationWriters);
        post("/ui/optimizations/{id}/cancel", "/ui/optimizations/" + run + "/cancel", optimizationWriters);
        // Finance pages: the reports' roles (ReportResource)
        Set<Role> reports = Set.of(Role.ADMIN, Role.MANAGER, Role.FINANCE);
        get("/ui/reports", "/ui/reports?depot=NYC", reports);
        get("/ui/reports/carrying-cost.csv", "/ui/reports/carrying-cost.csv?from=2020-01-01&depot=NYC", reports);
        get("/ui/reports/valuation.csv", "/ui/reports/valuation.csv?depot=NYC", reports);
        get("/ui/reports/excess.csv", "/ui/reports/excess.csv?depot=NYC", reports);
        get("/ui/reports/dead-stock.csv", "/ui/reports/dead-stock.csv?depot=NYC", reports);
        get("/ui/reports/turnaround.csv", "/ui/reports/turnaround.csv?from=2020-01-01&depot=NYC", reports);
        get("/ui/reports/turnaround-distribution.csv",
                "/ui/reports/turnaround-distribution.csv?from=2020-01-01&depot=NYC", reports);
        get("/ui/reports/{section: [a-z-]+}", "/ui/reports/monthly?depot=NYC", reports);
    }

    private void get(String template, String path, Set<Role> allowed) {
        rows.add(new Row("GET", template, path, allowed));
    }

    private void post(String template, String path, Set<Role> allowed) {
        rows.add(new Row("POST", template, path, allowed));
    }

    @Test
    void everyRoleIsAnsweredAsTheApiWouldAnswerIt() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            if (row.template().equals("/ui/logout")) {
                continue;
            }
            for (Role role : Role.values()) {
                HttpResponse<String> answer = call(clients.get(role), row);
                boolean refused = answer.statusCode() == 403;
                if (row.allowed().contains(role) == refused || answer.statusCode() >= 500
                        || answer.statusCode() == 401) {
                    wrong.add(row.method() + " " + row.path() + " as " + role + ": " + answer.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void signedOutPagesLeadToSignInAndSignedOutPostsAreRefused() {
        PageClient stranger = new PageClient(APP.baseUrl());
        for (Row row : rows) {
            HttpResponse<String> answer = call(stranger, row);
            if (row.method().equals("GET")) {
                assertThat(answer.statusCode()).as(row.path()).isEqualTo(303);
                assertThat(answer.headers().firstValue("Location").orElseThrow()).as(row.path())
                        .contains("/ui/login?next=");
            } else {
                assertThat(answer.statusCode()).as(row.path()).isEqualTo(401);
            }
        }
    }

    @Test
    void anotherDepotsPagesAreRefusedToAManagerOfOneDepot() {
        List<String> leaked = new ArrayList<>();
        for (Row row : rows) {
            if (!row.path().contains("NYC") || !row.method().equals("GET")) {
                continue;
            }
            String other = row.path().replace("NYC", "BOS");
            HttpResponse<String> answer = clients.get(Role.MANAGER).get(other);
            if (answer.statusCode() != 403) {
                leaked.add(other + ": " + answer.statusCode());
            }
        }
        assertThat(leaked).isEmpty();
    }

    @Test
    void everyPageOfTheRunningServiceHasARow() {
        Set<String> running = new TreeSet<>();
        List<String> unguarded = new ArrayList<>();
        for (Class<?> type : EXTENSION.getEnvironment().jersey().getResourceConfig().getClasses()) {
            Path root = type.getAnnotation(Path.class);
            if (root == null || !root.value().startsWith("/ui")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET"
                        : method.isAnnotationPresent(POST.class) ? "POST" : null;
                Path sub = method.getAnnotation(Path.class);
                String path = root.value() + (sub == null ? "" : "/" + sub.value().replaceAll("^/", ""));
                if (verb == null || path.equals("/ui/login")) {
                    continue;
                }
                if (!method.isAnnotationPresent(RolesAllowed.class)) {
                    unguarded.add(verb + " " + path);
                }
                running.add(verb + " " + path);
            }
        }
        Set<String> listed = new TreeSet<>();
        rows.forEach(row -> listed.add(row.method() + " " + row.template()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(running);
        assertThat(unguarded).as("every page but sign-in names its roles").isEmpty();
    }

    private static HttpResponse<String> call(PageClient client, Row row) {
        return row.method().equals("GET") ? client.get(row.path()) : client.postHtmx(row.path(), Map.of());
    }
}
