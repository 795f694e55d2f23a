package org.spares.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.DatabaseSetup;
import org.spares.config.SparesConfiguration;
import org.spares.demo.DemoSeeder;
import org.spares.demo.DemoSettings;
import org.spares.domain.Role;
import org.spares.service.StoreContents;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.PageClient;
import org.spares.support.Runs;
import org.spares.support.TestApp;
import org.spares.support.TestServices;

/**
 * The optimization pages over HTTP on seeded demand history: a run started through the page, its progress polled
 * until it ends, its result, frontier and recommendations, chosen depots applied (checked through the API), and
 * the refusals: roles, forged posts, other depots' runs, bad input.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptimizationPagesTest {
    static final int DAYS = 60;
    private static final TestApp APP = seeded(TestApp.create());
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final Pattern RUN_ID = Pattern.compile("/ui/optimizations/(\\d+)$");

    private long bostonRun;

    /** Seeds before the service starts (as OptimizationRunsEndToEndTest does): eight depots, NYC and BOS among them. */
    static TestApp seeded(TestApp app) {
        DatabaseSetup.migrate(app.database().dataSource());
        new DemoSeeder(clock -> TestServices.services(TestServices.transactions(app.jdbi()), clock),
                new StoreContents(TestServices.transactions(app.jdbi())))
                .seed(new DemoSettings(8, 12, DAYS, 5, DemoSettings.startOfDay(Instant.now())), line -> { });
        return app;
    }

    @BeforeAll
    void aBostonRun() {
        Reply created = APP.admin().post("/api/v1/optimizations", Map.of("depots", List.of("BOS"),
                "historyDays", DAYS));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        bostonRun = created.json().get("id").asLong();
        assertThat(Runs.waitForEnd(APP.admin(), bostonRun).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    static PageClient signedIn(String name, Role role, String... depots) {
        APP.person(name, role, depots);
        PageClient client = new PageClient(APP.baseUrl());
        assertThat(client.signIn(name, TestApp.PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    @Test
    void aManagerStartsARunWatchesItAndAppliesTheChosenDepot() {
        PageClient page = signedIn("mona", Role.MANAGER, "NYC", "BOS");
        ApiClient api = APP.client(APP.token(Role.MANAGER, "NYC", "BOS"));
        HttpResponse<String> list = page.get("/ui/optimizations");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Start a run", "value=\"NYC\"", "value=\"BOS\"",
                "/ui/optimizations/" + bostonRun);

        String key = UUID.randomUUID().toString();
        HttpResponse<String> started = post(page, "/ui/optimizations", List.of("depot", "NYC", "depot", "BOS",
                "historyDays", String.valueOf(DAYS), "key", key), true);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        Matcher location = RUN_ID.matcher(started.headers().firstValue("Location").orElseThrow());
        assertThat(location.find()).isTrue();
        long id = Long.parseLong(location.group(1));
        HttpResponse<String> again = post(page, "/ui/optimizations", List.of("depot", "NYC", "depot", "BOS",
                "historyDays", String.valueOf(DAYS), "key", key), true);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/ui/optimizations?started=again");
        assertThat(api.get("/api/v1/optimizations?limit=100").json().get("items")).hasSize(2);

        HttpResponse<String> fragment = waitForEnd(page, id);
        assertThat(fragment.body()).contains("<progress", "SUCCEEDED").doesNotContain("hx-trigger");
        assertThat(fragment.headers().firstValue("HX-Refresh")).contains("true");

        Map<String, Integer> before = levels(api, "NYC");
        before.putAll(levels(api, "BOS"));
        HttpResponse<String> run = page.get("/ui/optimizations/" + id);
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("<svg", "class=\"marker\"", ">current<", ">recommended<", "Apply all",
                "Apply chosen depots", "name=\"depot\" value=\"BOS\"", "optim-recommendations")
                .doesNotContain("hx-trigger");
        JsonNode recommendations = api.get("/api/v1/optimizations/" + id + "/recommendations?limit=500").json()
                .get("items");
        assertThat(run.body()).contains(recommendations.get(0).get("reason").asText().replace("'", "&#39;"));
        List<JsonNode> boston = new ArrayList<>();
        recommendations.forEach(item -> {
            if (item.get("depot").asText().equals("BOS")) {
                boston.add(item);
            }
        });
        assertThat(boston).anySatisfy(item -> assertThat(item.get("recommendedTargetLevel").asInt())
                .isNotEqualTo(before.get("BOS/" + item.get("sku").asText())));

        String applyKey = UUID.randomUUID().toString();
        HttpResponse<String> applied = post(page, "/ui/optimizations/" + id + "/apply",
                List.of("scope", "chosen", "depot", "BOS", "key", applyKey), true);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(303);
        assertThat(applied.headers().firstValue("Location").orElseThrow()).endsWith("/ui/optimizations/" + id
                + "?applied=now");
        Map<String, Integer> after = levels(api, "NYC");
        after.putAll(levels(api, "BOS"));
        for (JsonNode item : boston) {
            assertThat(after.get("BOS/" + item.get("sku").asText()))
                    .isEqualTo(item.get("recommendedTargetLevel").asInt());
        }
        before.keySet().stream().filter(position -> position.startsWith("NYC/"))
                .forEach(position -> assertThat(after.get(position)).as(position).isEqualTo(before.get(position)));
        JsonNode depots = api.get("/api/v1/optimizations/" + id).json().get("summary").get("depots");
        depots.forEach(depot -> assertThat(depot.get("appliedAt").isNull())
                .isEqualTo(depot.get("code").asText().equals("NYC")));

        HttpResponse<String> shown = page.get("/ui/optimizations/" + id + "?applied=now");
        assertThat(shown.body()).contains("Applied: the recommended levels", " by mona", "not applied");
        HttpResponse<String> replay = post(page, "/ui/optimizations/" + id + "/apply",
                List.of("scope", "chosen", "depot", "BOS", "key", applyKey), true);
        assertThat(replay.headers().firstValue("Location").orElseThrow()).endsWith("?applied=again");
        Map<String, Integer> unchanged = levels(api, "NYC");
        unchanged.putAll(levels(api, "BOS"));
        assertThat(unchanged).isEqualTo(after);

        List<JsonNode> newYork = new ArrayList<>();
        recommendations.forEach(item -> {
            if (item.get("depot").asText().equals("NYC") && item.get("recommendedTargetLevel").asInt()
                    != before.get("NYC/" + item.get("sku").asText())) {
                newYork.add(item);
            }
        });
        assertThat(newYork).hasSizeGreaterThanOrEqualTo(2);
        String first = newYork.get(0).get("sku").asText();
        String second = newYork.get(1).get("sku").asText();
        assertThat(run.body()).contains("name=\"line\" value=\"NYC/" + first + "\"", "Apply chosen lines");
        HttpResponse<String> lines = post(page, "/ui/optimizations/" + id + "/apply", List.of("scope", "lines",
                "line", "NYC/" + first, "line", "NYC/" + second, "key", UUID.randomUUID().toString()), true);
        assertThat(lines.statusCode()).as(lines.body()).isEqualTo(303);
        Map<String, Integer> chosen = levels(api, "NYC");
        chosen.forEach((position, level) -> {
            String sku = position.substring("NYC/".length());
            int expected = sku.equals(first) ? newYork.get(0).get("recommendedTargetLevel").asInt()
                    : sku.equals(second) ? newYork.get(1).get("recommendedTargetLevel").asInt() : before.get(position);
            assertThat(level).as(position).isEqualTo(expected);
        });
        assertThat(api.get("/api/v1/optimizations/" + id).json().get("summary").get("depots")).anySatisfy(depot ->
                assertThat(depot.get("code").asText() + depot.get("appliedAt").isNull()).isEqualTo("NYCtrue"));
        assertThat(api.post("/api/v1/optimizations/" + id + "/apply", Map.of("lines",
                List.of(Map.of("depot", "NYC", "sku", "NO-SUCH-PART")))).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/optimizations/" + id + "/apply", Map.of("depots", List.of("NYC"), "lines",
                List.of(Map.of("depot", "NYC", "sku", first)))).status()).isEqualTo(400);
    }

    @Test
    void financeSeesRunsButMayNotStartOrApply() {
        PageClient finance = signedIn("fran", Role.FINANCE, "BOS");
        HttpResponse<String> list = finance.get("/ui/optimizations");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("/ui/optimizations/" + bostonRun).doesNotContain("Start a run");
        HttpResponse<String> run = finance.get("/ui/optimizations/" + bostonRun);
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("<svg").doesNotContain("Apply all");
        assertThat(post(finance, "/ui/optimizations", List.of("depot", "BOS", "historyDays", "60"), true)
                .statusCode()).isEqualTo(403);
        assertThat(post(finance, "/ui/optimizations/" + bostonRun + "/apply", List.of("scope", "all"), true)
                .statusCode()).isEqualTo(403);
        assertNotApplied(bostonRun);
    }

    @Test
    void aForgedApplyIsRefusedAndChangesNothing() {
        PageClient page = signedIn("max", Role.MANAGER, "BOS");
        page.get("/ui/optimizations/" + bostonRun);
        HttpResponse<String> forged = post(page, "/ui/optimizations/" + bostonRun + "/apply",
                List.of("scope", "all", "key", UUID.randomUUID().toString()), false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertNotApplied(bostonRun);
    }

    @Test
    void aNewYorkManagerIsRefusedABostonRunAsTheApiRefusesIt() {
        PageClient page = signedIn("nina", Role.MANAGER, "NYC");
        int api = APP.client(APP.token(Role.MANAGER, "NYC")).get("/api/v1/optimizations/" + bostonRun).status();
        assertThat(api).isEqualTo(404);
        assertThat(page.get("/ui/optimizations/" + bostonRun).statusCode()).isEqualTo(api);
        assertThat(page.get("/ui/optimizations/" + bostonRun + "/progress", true).statusCode()).isEqualTo(api);
        assertThat(page.get("/ui/optimizations").body()).doesNotContain("/ui/optimizations/" + bostonRun + "\"");
        HttpResponse<String> start = post(page, "/ui/optimizations", List.of("depot", "BOS", "historyDays", "60",
                "key", UUID.randomUUID().toString()), true);
        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(post(page, "/ui/optimizations/" + bostonRun + "/apply", List.of("scope", "all"), true)
                .statusCode()).isEqualTo(404);
        assertNotApplied(bostonRun);
    }

    @Test
    void badInputIsRefusedWithAMessageAndChangesNothing() {
        PageClient page = signedIn("bert", Role.MANAGER, "BOS");
        page.get("/ui/optimizations");
        HttpResponse<String> noDepot = post(page, "/ui/optimizations", List.of("historyDays", "60"), true);
        assertThat(noDepot.statusCode()).isEqualTo(422);
        assertThat(noDepot.body()).contains("choose at least one depot");
        HttpResponse<String> badDays = post(page, "/ui/optimizations", List.of("depot", "BOS", "historyDays", "soon"),
                true);
        assertThat(badDays.statusCode()).isEqualTo(422);
        assertThat(badDays.body()).contains("history days must be a whole number");
        HttpResponse<String> noneTicked = post(page, "/ui/optimizations/" + bostonRun + "/apply",
                List.of("scope", "chosen"), true);
        assertThat(noneTicked.statusCode()).isEqualTo(422);
        assertThat(noneTicked.body()).contains("tick at least one depot");
        HttpResponse<String> notInRun = post(page, "/ui/optimizations/" + bostonRun + "/apply",
                List.of("scope", "chosen", "depot", "NYC"), true);
        assertThat(notInRun.statusCode()).isEqualTo(422);
        assertThat(notInRun.body()).contains("not part of optimization");
        assertThat(APP.admin().get("/api/v1/optimizations?status=QUEUED").json().get("items")).isEmpty();
        assertNotApplied(bostonRun);
    }

    private static void assertNotApplied(long id) {
        JsonNode depots = APP.admin().get("/api/v1/optimizations/" + id).json().get("summary").get("depots");
        depots.forEach(depot -> assertThat(depot.get("appliedAt").isNull()).isTrue());
    }

    /** Polls the progress fragment as htmx does until it stops asking to be polled; answers its last answer. */
    static HttpResponse<String> waitForEnd(PageClient page, long id) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> fragment = page.get("/ui/optimizations/" + id + "/progress", true);
            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.body()).contains("<progress").doesNotContain("<html");
            if (!fragment.body().contains("hx-trigger")) {
                return fragment;
            }
            assertThat(fragment.body()).contains("hx-trigger=\"every 1s\"");
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        throw new AssertionError("optimization " + id + " did not end within 120 s");
    }

    /** Target levels of a depot's positions by "DEPOT/SKU", read through the API. */
    static Map<String, Integer> levels(ApiClient api, String depot) {
        Map<String, Integer> levels = new HashMap<>();
        api.get("/api/v1/stock?depot=" + depot + "&limit=500").json().get("items").forEach(position ->
                levels.put(depot + "/" + position.get("sku").asText(), position.get("targetLevel").asInt()));
        return levels;
    }

    /** A form post with repeated fields (a group of checkboxes), with or without the page's anti-forgery field. */
    static HttpResponse<String> post(PageClient page, String path, List<String> pairs, boolean withToken) {
        List<String> fields = new ArrayList<>(pairs);
        if (withToken) {
            fields.add("csrf");
            fields.add(page.csrf());
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.size(); i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(encode(fields.get(i))).append('=')
                    .append(encode(fields.get(i + 1)));
        }
        HttpClient http = HttpClient.newBuilder().cookieHandler(page.cookies())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            return http.send(HttpRequest.newBuilder(URI.create(APP.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
