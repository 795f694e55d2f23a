package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.PageClient;
import org.spares.support.TestApp;

/**
 * The finance pages over HTTP, on the clocked app so the page and the API report the same instant: each section
 * shows the API's figures for the same parameters, each CSV is the API's CSV, roles and depot scope as the API's.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinancePagesTest {
    private static final TestApp APP = TestApp.clocked();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String PERIOD = "from=2026-01-01&to=2026-03-01";

    private ApiClient finance;

    @BeforeAll
    void setUp() {
        seed(APP);
        finance = APP.client(APP.token(Role.FINANCE));
        APP.person("fiona", Role.FINANCE);
        APP.person("manny", Role.MANAGER, "NYC");
        APP.person("tess", Role.TECHNICIAN, "NYC");
    }

    /** Stock in NYC and BOS from January, a completed repair in each, and the clock in mid-March. */
    static void seed(TestApp app) {
        ClockedSparesApplication.CLOCK.set(START);
        ApiClient admin = app.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        Fixtures.part(admin, "P1", 10);
        Fixtures.part(admin, "P2", 40);
        Fixtures.receive(admin, "NYC", "P1", 30, 10);
        Fixtures.receive(admin, "NYC", "P2", 5, 40);
        Fixtures.receive(admin, "BOS", "P1", 12, 10);
        ClockedSparesApplication.CLOCK.set(START.plus(Duration.ofDays(10)));
        order(app, "NYC", 12, 48);
        order(app, "BOS", 30, 24);
        ClockedSparesApplication.CLOCK.set(Instant.parse("2026-03-15T12:00:00Z"));
    }

    private static void order(TestApp app, String depot, int hours, int target) {
        Instant opened = START.plus(Duration.ofDays(5));
        app.jdbi().useHandle(handle -> handle.createUpdate("""
                INSERT INTO repair_orders (depot_id, asset_tag, priority, priority_rank, status,
                       target_turnaround_hours, opened_at, opened_by, completed_at, cancelled_at, parts_wait_micros)
                VALUES ((SELECT id FROM depots WHERE code = :depot), 'A', 'NORMAL', 2, 'COMPLETED', :target, :opened,
                        1, :completed, NULL, 0)
                """).bind("depot", depot).bind("target", BigDecimal.valueOf(target)).bind("opened", opened)
                .bind("completed", opened.plus(Duration.ofHours(hours))).execute());
    }

    private static PageClient signedIn(String name) {
        PageClient client = new PageClient(APP.baseUrl());
        assertThat(client.signIn(name, TestApp.PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    /** Every row's and the total's cells of an API report appear, in order, in the page's table. */
    private static void assertTableShows(String page, String tableId, JsonNode report) {
        int start = page.indexOf("id=\"" + tableId + "\"");
        assertThat(start).as(tableId).isPositive();
        String table = page.substring(start, page.indexOf("</table>", start));
        assertThat(report.get("rows").size()).isPositive();
        for (JsonNode row : report.get("rows")) {
            assertThat(table).contains(cells(row));
        }
        assertThat(table).contains(cells(report.get("total")));
    }

    private static String cells(JsonNode row) {
        StringBuilder joined = new StringBuilder();
        row.properties().forEach(field -> joined.append("<td>")
                .append(field.getValue().isNull() ? "" : field.getValue().isNumber()
                        ? field.getValue().decimalValue().toPlainString() : field.getValue().asText())
                .append("</td>"));
        return joined.toString();
    }

    /** One section of the reports page as htmx loads it. */
    private static String section(PageClient client, String id, String query) {
        HttpResponse<String> section = client.get("/ui/reports/" + id + "?" + query, true);
        assertThat(section.statusCode()).as(id + section.body()).isEqualTo(200);
        assertThat(section.body()).as(id).startsWith("<section id=\"" + id + "\"").doesNotContain("<html");
        return section.body();
    }

    @Test
    void thePageAnswersWithEverySectionLoadingOnItsOwn() {
        PageClient fiona = signedIn("fiona");
        String query = PERIOD + "&asOf=2026-02-01&noIssueDays=10&fromMonth=2026-01&toMonth=2026-03";
        String html = fiona.get("/ui/reports?" + query).body();
        for (String id : ReportSections.IDS) {
            String address = "/ui/reports/" + id + "?from=2026-01-01&amp;to=2026-03-01&amp;asOf=2026-02-01"
                    + "&amp;noIssueDays=10&amp;fromMonth=2026-01&amp;toMonth=2026-03";
            assertThat(html).contains("<section id=\"" + id + "\" class=\"report-section loading\" hx-get=\""
                    + address + "\" hx-trigger=\"load\"", "<a href=\"" + address + "\">Show this report</a>");
        }
        assertThat(html).doesNotContain("<table");
        // Without scripts a section's address is the whole page with that section in it.
        String page = fiona.get("/ui/reports/valuation?" + query).body();
        assertThat(page).contains("<html", "id=\"valuation-table\"", "hx-get=\"/ui/reports/excess?");
        assertThat(fiona.get("/ui/reports/nonsense?" + query).statusCode()).isEqualTo(404);
    }

    @Test
    void eachSectionShowsTheApiFiguresForTheSameParameters() {
        PageClient fiona = signedIn("fiona");
        String query = PERIOD + "&asOf=2026-02-01&noIssueDays=10&fromMonth=2026-01&toMonth=2026-03";
        String carrying = section(fiona, "carrying-cost", query);
        assertTableShows(carrying, "carrying-by-depot", finance.get("/api/v1/reports/carrying-cost?" + PERIOD).json());
        assertTableShows(carrying, "carrying-by-category",
                finance.get("/api/v1/reports/carrying-cost?" + PERIOD + "&groupBy=category").json());
        assertThat(carrying).contains("id=\"chart-carrying-depot\"", "id=\"chart-carrying-category\"", "<svg");
        assertTableShows(section(fiona, "valuation", query), "valuation-table",
                finance.get("/api/v1/reports/valuation?asOf=2026-02-01").json());
        assertTableShows(section(fiona, "excess", query), "excess-table",
                finance.get("/api/v1/reports/excess?asOf=2026-02-01").json());
        assertTableShows(section(fiona, "dead-stock", query), "dead-stock-table",
                finance.get("/api/v1/reports/dead-stock?asOf=2026-02-01&noIssueDays=10").json());
        String turnaround = section(fiona, "turnaround", query);
        assertTableShows(turnaround, "turnaround-table", finance.get("/api/v1/reports/turnaround?" + PERIOD).json());
        assertTableShows(turnaround, "turnaround-distribution-table",
                finance.get("/api/v1/reports/turnaround-distribution?" + PERIOD).json());
        assertThat(turnaround).contains("id=\"chart-turnaround-distribution\"", "id=\"chart-turnaround\"");

        // Month by month: the API's report by month, each row that month's carrying cost (the clock is mid-March,
        // so March runs to now).
        String monthly = section(fiona, "monthly", query);
        JsonNode byMonth = finance.get("/api/v1/reports/carrying-cost?from=2026-01-01&to=2026-04-01&groupBy=month")
                .json();
        assertTableShows(monthly, "carrying-by-month", byMonth);
        assertThat(monthly).contains("id=\"chart-monthly\"", "<polyline",
                "href=\"/ui/reports/carrying-cost.csv?from=2026-01-01&amp;to=2026-04-01&amp;groupBy=month\"");
        for (String[] month : new String[][] {{"2026-01", "2026-01-01", "2026-02-01"},
                {"2026-02", "2026-02-01", "2026-03-01"}, {"2026-03", "2026-03-01", "2026-04-01"}}) {
            JsonNode total = finance.get("/api/v1/reports/carrying-cost?from=" + month[1] + "&to=" + month[2])
                    .json().get("total");
            assertThat(monthly).contains("<td>" + month[0] + "</td><td>"
                    + total.get("averageOnHandUnits").decimalValue().toPlainString() + "</td><td>"
                    + total.get("averageInventoryValue").decimalValue().toPlainString() + "</td><td>"
                    + total.get("carryingCost").decimalValue().toPlainString() + "</td>");
        }
    }

    @Test
    void monthsNotBegunHaveNoRow() {
        PageClient fiona = signedIn("fiona");
        String monthly = section(fiona, "monthly", "fromMonth=2026-03&toMonth=2026-06");
        assertThat(monthly).contains("<td>2026-03</td>").doesNotContain("2026-04</td>");
        String ahead = section(fiona, "monthly", "fromMonth=2026-05&toMonth=2026-06");
        assertThat(ahead).contains("No rows.");
    }

    @Test
    void eachCsvIsTheApisCsv() {
        PageClient fiona = signedIn("fiona");
        String[][] pairs = {
            {"carrying-cost.csv?" + PERIOD + "&groupBy=category", "carrying-cost?" + PERIOD + "&groupBy=category"},
            {"carrying-cost.csv?" + PERIOD + "&depot=BOS", "carrying-cost?" + PERIOD + "&depot=BOS"},
            {"valuation.csv?asOf=2026-02-01", "valuation?asOf=2026-02-01"},
            {"excess.csv?asOf=2026-02-01", "excess?asOf=2026-02-01"},
            {"dead-stock.csv?asOf=2026-02-01&noIssueDays=10", "dead-stock?asOf=2026-02-01&noIssueDays=10"},
            {"turnaround.csv?" + PERIOD, "turnaround?" + PERIOD},
            {"turnaround-distribution.csv?" + PERIOD, "turnaround-distribution?" + PERIOD},
            {"carrying-cost.csv?" + PERIOD + "&groupBy=month", "carrying-cost?" + PERIOD + "&groupBy=month"}};
        for (String[] pair : pairs) {
            HttpResponse<String> page = fiona.get("/ui/reports/" + pair[0]);
            ApiClient.Reply api = finance.get("/api/v1/reports/" + pair[1] + "&format=csv");
            assertThat(page.statusCode()).as(pair[0] + page.body()).isEqualTo(200);
            assertThat(api.status()).isEqualTo(200);
            assertThat(page.body()).as(pair[0]).isEqualTo(api.body()).contains("\n");
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(page.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        }
    }

    @Test
    void aTechnicianIsRefusedThePageAndEveryCsv() {
        PageClient tess = signedIn("tess");
        for (String path : new String[] {"/ui/reports", "/ui/reports/carrying-cost.csv?from=2026-01-01",
                "/ui/reports/valuation.csv", "/ui/reports/excess.csv", "/ui/reports/dead-stock.csv",
                "/ui/reports/turnaround.csv?from=2026-01-01", "/ui/reports/monthly",
                "/ui/reports/turnaround-distribution.csv?from=2026-01-01"}) {
            assertThat(tess.get(path).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void aManagerOfNycSeesOnlyNycAsTheApiScopesIt() {
        PageClient manny = signedIn("manny");
        String html = section(manny, "carrying-cost", PERIOD);
        JsonNode api = APP.client(APP.token(Role.MANAGER, "NYC")).get("/api/v1/reports/carrying-cost?" + PERIOD)
                .json();
        assertThat(api.get("rows")).hasSize(1);
        assertTableShows(html, "carrying-by-depot", api);
        String table = html.substring(html.indexOf("id=\"carrying-by-depot\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains("<td>NYC</td>").doesNotContain("BOS");
        assertThat(manny.get("/ui/reports?depot=BOS").statusCode()).isEqualTo(403);
        assertThat(manny.get("/ui/reports/monthly?depot=BOS").statusCode()).isEqualTo(403);
        assertThat(manny.get("/ui/reports/carrying-cost.csv?from=2026-01-01&depot=BOS").statusCode()).isEqualTo(403);
        String csv = manny.get("/ui/reports/valuation.csv").body();
        assertThat(csv).contains("NYC").doesNotContain("BOS");
    }

    @Test
    void badParametersGiveA400PageWithTheApisMessage() {
        PageClient fiona = signedIn("fiona");
        HttpResponse<String> badDate = fiona.get("/ui/reports?from=2026-13-45");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("from must be an ISO-8601 instant or a date (YYYY-MM-DD)");
        HttpResponse<String> empty = fiona.get("/ui/reports?from=2026-03-01&to=2026-01-01");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("the period [from, min(to, now)) is empty");
        HttpResponse<String> month = fiona.get("/ui/reports?fromMonth=March");
        assertThat(month.statusCode()).isEqualTo(400);
        assertThat(month.body()).contains("fromMonth must be a month (YYYY-MM)");
        HttpResponse<String> days = fiona.get("/ui/reports?noIssueDays=0");
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(days.body()).contains("noIssueDays must be between 1 and 36500");
        HttpResponse<String> sectionDays = fiona.get("/ui/reports/dead-stock?noIssueDays=0");
        assertThat(sectionDays.statusCode()).isEqualTo(400);
        assertThat(sectionDays.body()).contains("noIssueDays must be between 1 and 36500");
        HttpResponse<String> grouping = fiona.get("/ui/reports/carrying-cost.csv?from=2026-01-01&groupBy=colour");
        assertThat(grouping.statusCode()).isEqualTo(400);
        assertThat(grouping.body()).contains("groupBy must be depot, part, category or month");
    }
}
