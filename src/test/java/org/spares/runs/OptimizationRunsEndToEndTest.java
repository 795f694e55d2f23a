package org.spares.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.cli.OptimizeCommand;
import org.spares.config.DatabaseSetup;
import org.spares.config.SparesConfiguration;
import org.spares.demo.DemoSeeder;
import org.spares.demo.DemoSettings;
import org.spares.domain.Actor;
import org.spares.domain.Caller;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Lifecycle;
import org.spares.domain.Optimization;
import org.spares.domain.Role;
import org.spares.domain.ServerInstance;
import org.spares.jobs.OptimizationJob;
import org.spares.service.Idempotency;
import org.spares.service.Instances;
import org.spares.service.OptimizationRunner;
import org.spares.service.OptimizationService;
import org.spares.service.OptimizationSnapshot;
import org.spares.service.StoreContents;
import org.spares.service.Transactions;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.Runs;
import org.spares.support.TestApp;
import org.spares.support.TestServices;


/**
 * Optimization runs over seed-demo data through HTTP: run, poll, read recommendations, apply (policy history
 * names the run), one run per depot at a time, cancel (also as the solver sees it), an infeasible depot, depot
 * scope, runs left behind by a restart, the stored model replayed to the same plan, and the list of runs. Each test uses its own depot, so they do not hold each other's locks.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptimizationRunsEndToEndTest {
    private static final int DAYS = 60;
    private static final TestApp APP = seeded(TestApp.create());
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final Actor TESTER = new Actor(0, "test", "-");
    private static final Caller ADMIN = new Caller(0, "test", Role.ADMIN, Set.of());

    private ApiClient admin;
    private Transactions transactions;
    private OptimizationService service;

    /**
     * Seeds before the service starts, as the command is meant to be used: the service's expiry job runs on the
     * real clock and would expire the simulated history's held reservations under the replay.
     */
    private static TestApp seeded(TestApp app) {
        DatabaseSetup.migrate(app.database().dataSource());
        new DemoSeeder(clock -> TestServices.services(TestServices.transactions(app.jdbi()), clock),
                new StoreContents(TestServices.transactions(app.jdbi())))
                .seed(new DemoSettings(4, 20, DAYS, 3, DemoSettings.startOfDay(Instant.now())), line -> { });
        return app;
    }

    @BeforeAll
    void setUp() {
        admin = APP.admin();
        transactions = TestServices.transactions(APP.jdbi());
        service = TestServices.optimizations(transactions, new OptimizationRunner(transactions, Clock.systemUTC(),
                20_000, 7));
    }

    @Test
    void aRunOverTheHistoryIsSolvedInTheBackgroundAndApplied() {
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "NYC"));
        Map<String, Object> body = Map.of("depots", List.of("NYC"), "historyDays", DAYS);
        Reply created = manager.post("/api/v1/optimizations", body, "run-nyc");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.json().get("status").asText()).isEqualTo("QUEUED");
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/optimizations/" + id);
        Reply replay = manager.post("/api/v1/optimizations", body, "run-nyc");
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("id").asLong()).isEqualTo(id);

        JsonNode run = Runs.waitForEnd(manager, id);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("progress").decimalValue()).isEqualByComparingTo("1");
        JsonNode summary = run.get("summary");
        assertThat(summary.get("currentAnnualHoldingCost").decimalValue()).isPositive();
        assertThat(summary.get("recommendedAnnualHoldingCost").decimalValue()).isPositive();
        assertThat(summary.get("depots").get(0).get("code").asText()).isEqualTo("NYC");
        assertThat(summary.get("depots").get(0).get("repairOrdersPerDay").decimalValue()).isPositive();

        List<JsonNode> items = new ArrayList<>();
        manager.get("/api/v1/optimizations/" + id + "/recommendations?depot=NYC&limit=500").json().get("items")
                .forEach(items::add);
        assertThat(items).hasSize(20);
        assertThat(items).allSatisfy(item -> assertThat(item.get("reason").asText()).isNotBlank());
        assertThat(items).anySatisfy(item -> assertThat(item.get("reason").asText())
                .contains("units requested in").contains(" days: ").contains("forecast").contains("lead time"));
        items.stream().filter(item -> item.get("demandPerDay").decimalValue().signum() == 0)
                .forEach(item -> {
                    assertThat(item.get("recommendedTargetLevel").asInt()).isZero();
                    assertThat(item.get("reason").asText()).isEqualTo("no demand requested in " + DAYS + " days");
                });
        JsonNode changed = items.stream().filter(item -> item.get("recommendedTargetLevel").asInt()
                != item.get("currentTargetLevel").asInt()).findFirst().orElseThrow();

        Reply applied = manager.post("/api/v1/optimizations/" + id + "/apply", Map.of("depots", List.of("NYC")));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("summary").get("depots").get(0).get("appliedAt").asText()).isNotBlank();
        String sku = changed.get("sku").asText();
        JsonNode position = manager.get("/api/v1/depots/NYC/stock/" + sku).json();
        int level = changed.get("recommendedTargetLevel").asInt();
        assertThat(position.get("targetLevel").asInt()).isEqualTo(level);
        assertThat(position.get("reorderPoint").asInt()).isEqualTo(Math.max(0, level - 1));
        JsonNode history = manager.get("/api/v1/depots/NYC/stock/" + sku + "/policy-history?limit=500").json()
                .get("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("source").asText()).isEqualTo("OPTIMIZATION");
        assertThat(last.get("optimizationId").asLong()).isEqualTo(id);
        assertThat(last.get("reason").asText()).startsWith("optimization " + id + ": ");
        Fixtures.assertLedgerExact(APP);
    }

    @Test
    void aRunsModelReplaysToTheSamePlanAndAManagerSeesOnlyTheirDepotsOfIt() throws Exception {
        Reply created = admin.post("/api/v1/optimizations", Map.of("depots", List.of("NYC", "CHI"),
                "historyDays", DAYS));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.json().get("id").asLong();
        JsonNode run = Runs.waitForEnd(admin, id);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");

        Reply model = admin.get("/api/v1/optimizations/" + id + "/model");
        assertThat(model.status()).as(model.body()).isEqualTo(200);
        assertThat(codes(model.json().get("depots"), "code")).containsExactly("CHI", "NYC");
        JsonNode plan = solve(admin, model.json());
        Map<String, Integer> recommended = recommendedLevels(admin, id);
        assertThat(levels(plan)).isNotEmpty().allSatisfy((position, level) ->
                assertThat(level).as(position).isEqualTo(recommended.get(position)));
        assertThat(plan.get("annualHoldingCost").decimalValue()).isCloseTo(
                run.get("summary").get("recommendedAnnualHoldingCost").decimalValue(), within(new BigDecimal("0.01")));
        JsonNode planOfTheCommand = optimizeCommand(model.body());
        assertThat(levels(planOfTheCommand)).isEqualTo(levels(plan));
        assertThat(planOfTheCommand.get("annualHoldingCost").asDouble())
                .isCloseTo(plan.get("annualHoldingCost").asDouble(), within(1e-9));

        ApiClient manager = APP.client(APP.token(Role.MANAGER, "NYC"));
        JsonNode seen = manager.get("/api/v1/optimizations/" + id).json();
        assertThat(codes(seen.get("depots"), null)).containsExactly("NYC");
        JsonNode part = manager.get("/api/v1/optimizations/" + id + "/model").json();
        assertThat(codes(part.get("depots"), "code")).containsExactly("NYC");
        assertThat(codes(part.get("demand"), "depot")).isNotEmpty().containsOnly("NYC");
        JsonNode partPlan = solve(manager, part);
        assertThat(levels(partPlan)).isEqualTo(levels(plan).entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("NYC/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(partPlan.get("annualHoldingCost").decimalValue()).isCloseTo(
                seen.get("summary").get("recommendedAnnualHoldingCost").decimalValue(), within(new BigDecimal("0.01")));
    }

    @Test
    void runsAreListedNewestFirstInTheCallersScopeWithFiltersAndCursors() {
        long chiOnly = createDirectly("CHI");
        Reply queuedModel = admin.get("/api/v1/optimizations/" + chiOnly + "/model");
        assertThat(queuedModel.status()).as("no model before the run starts").isEqualTo(409);
        assertThat(queuedModel.error()).isEqualTo("ILLEGAL_STATE");
        assertThat(admin.post("/api/v1/optimizations/" + chiOnly + "/cancel", null).status()).isEqualTo(200);
        long both = service.start(TESTER, ADMIN, List.of("NYC", "CHI"), DAYS, Idempotency.none()).run().id();
        assertThat(admin.post("/api/v1/optimizations/" + both + "/cancel", null).status()).isEqualTo(200);

        List<JsonNode> all = listAll(admin, "");
        List<Long> ids = all.stream().map(item -> item.get("id").asLong()).toList();
        assertThat(ids).contains(chiOnly, both).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ids.get(0)).isEqualTo(both);
        assertThat(ids(listAll(admin, "&depot=CHI&status=CANCELLED"))).startsWith(both, chiOnly)
                .allSatisfy(runId -> assertThat(ids).contains(runId));
        assertThat(ids(listAll(admin, "&status=SUCCEEDED"))).doesNotContain(chiOnly, both);

        ApiClient manager = APP.client(APP.token(Role.MANAGER, "NYC"));
        List<JsonNode> mine = listAll(manager, "");
        assertThat(ids(mine)).contains(both).doesNotContain(chiOnly);
        assertThat(mine).allSatisfy(item -> assertThat(codes(item.get("depots"), null)).containsExactly("NYC"));
        assertThat(manager.get("/api/v1/optimizations?depot=CHI").status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/optimizations?status=BOGUS").status()).isEqualTo(400);
    }

    @Test
    void oneRunPerDepotAtATimeAndAQueuedRunCanBeCancelled() {
        long queued = createDirectly("DAL");
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "DAL"));
        Reply second = manager.post("/api/v1/optimizations", Map.of("depots", List.of("DAL")));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.error()).isEqualTo("CONFLICT");
        assertThat(second.json().get("details").get("optimizationId").asLong()).isEqualTo(queued);

        Reply cancelled = manager.post("/api/v1/optimizations/" + queued + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        Reply again = manager.post("/api/v1/optimizations/" + queued + "/cancel", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("ILLEGAL_STATE");
        Reply apply = manager.post("/api/v1/optimizations/" + queued + "/apply", null);
        assertThat(apply.status()).isEqualTo(409);
        assertThat(apply.error()).isEqualTo("ILLEGAL_STATE");

        Reply afterCancel = manager.post("/api/v1/optimizations", Map.of("depots", List.of("DAL")));
        assertThat(afterCancel.status()).as("the depot is free again: " + afterCancel.body()).isEqualTo(202);
        Runs.waitForEnd(manager, afterCancel.json().get("id").asLong());
    }

    @Test
    void onlyOneOfManyConcurrentRunsOfADepotIsCreated() throws Exception {
        Fixtures.depot(admin, "RACE");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            Callable<String> attempt = () -> {
                try {
                    service.start(TESTER, ADMIN, List.of("RACE"), 30, Idempotency.none());
                    return "created";
                } catch (DomainException refused) {
                    return refused.code().name();
                }
            };
            outcomes.add(threads.submit(attempt));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        threads.shutdown();
        assertThat(results).containsOnly("created", ErrorCode.CONFLICT.name());
        assertThat(results).filteredOn("created"::equals).hasSize(1);
    }

    @Test
    void theSolverSeesACancelThroughItsCancelledSupplier() {
        long id = createDirectly("CHI");
        OptimizationRunner runner = new OptimizationRunner(transactions, Clock.systemUTC(), 20_000, 7);
        OptimizationSnapshot snapshot = runner.start(id).orElseThrow();
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "CHI"));
        assertThat(manager.get("/api/v1/optimizations/" + id).json().get("status").asText()).isEqualTo("RUNNING");
        assertThat(manager.post("/api/v1/optimizations/" + id + "/cancel", null).status()).isEqualTo(200);

        assertThat(runner.solveAndRecord(id, snapshot)).isEqualTo(OptimizationRunner.Result.CANCELLED);
        JsonNode run = manager.get("/api/v1/optimizations/" + id).json();
        assertThat(run.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(run.get("summary").isNull()).isTrue();
        assertThat(manager.get("/api/v1/optimizations/" + id + "/recommendations").json().get("items")).isEmpty();
    }

    @Test
    void aDepotWithNoTimeLeftForPartsFailsAsInfeasibleNamingIt() {
        Reply patched = admin.patch("/api/v1/depots/ATL", Map.of("targetTurnaroundHours", 6, "meanRepairHours", 6));
        assertThat(patched.status()).as("refused where it is entered: " + patched.body()).isEqualTo(422);
        // A row stored before that rule existed still reaches the solver, which must name it.
        APP.jdbi().useHandle(handle -> handle.execute(
                "UPDATE depots SET target_turnaround_hours = 6, mean_repair_hours = 6 WHERE code = 'ATL'"));
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "ATL"));
        Reply created = manager.post("/api/v1/optimizations", Map.of("depots", List.of("ATL"), "historyDays", DAYS));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        JsonNode run = Runs.waitForEnd(manager, created.json().get("id").asLong());
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("errorCode").asText()).isEqualTo("INFEASIBLE");
        assertThat(run.get("error").asText()).contains("ATL").contains("maxPartsWaitHours");
    }

    @Test
    void anotherDepotsManagerGets404AndCannotStartARunOutsideTheirDepots() {
        long id = createDirectly(otherDepot());
        ApiClient outsider = APP.client(APP.token(Role.MANAGER, "NYC"));
        assertThat(outsider.get("/api/v1/optimizations/" + id).status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/optimizations/" + id + "/recommendations").status()).isEqualTo(404);
        assertThat(outsider.post("/api/v1/optimizations/" + id + "/cancel", null).status()).isEqualTo(404);
        assertThat(APP.client(APP.token(Role.FINANCE)).get("/api/v1/optimizations/" + id).status()).isEqualTo(200);
        Reply forbidden = outsider.post("/api/v1/optimizations", Map.of("depots", List.of(otherDepot())));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/optimizations/" + id + "/cancel", null).status()).isEqualTo(200);
    }

    @Test
    void runsOfAStoppedInstanceAreMarkedFailedAndALiveInstancesAreLeftAlone() {
        Fixtures.depot(admin, "GONE");
        Fixtures.depot(admin, "LIVE");
        Instances instances = new Instances(transactions);
        Instant now = Clock.systemUTC().instant();
        instances.beat(new ServerInstance("another-live-instance", "elsewhere", now, now), null);
        long orphan = createOwnedBy("an-instance-that-never-beat", "GONE");
        long owned = createOwnedBy("another-live-instance", "LIVE");
        OptimizationJob starting = new OptimizationJob(new OptimizationRunner(transactions, Clock.systemUTC(), 20_000,
                7), instances, "a-starting-instance", Executors.newSingleThreadExecutor());

        starting.failOrphans();
        JsonNode run = admin.get("/api/v1/optimizations/" + orphan).json();
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("errorCode").asText()).isEqualTo("INTERRUPTED");
        assertThat(admin.get("/api/v1/optimizations/" + owned).json().get("status").asText())
                .as("the run of an instance that still beats is its own business").isEqualTo("QUEUED");

        instances.beat(new ServerInstance("another-live-instance", "elsewhere", now, now.minusSeconds(60)), null);
        starting.failOrphans();
        assertThat(admin.get("/api/v1/optimizations/" + owned).json().get("status").asText())
                .as("its heartbeat went stale: it stopped").isEqualTo("FAILED");
        Reply again = admin.post("/api/v1/optimizations", Map.of("depots", List.of("GONE")));
        assertThat(again.status()).as("the depot is free again").isEqualTo(202);
        Runs.waitForEnd(admin, again.json().get("id").asLong());
    }

    /** A run queued by (and owned by) the instance of that id, handed to no worker. */
    private long createOwnedBy(String instance, String depot) {
        return new OptimizationService(transactions, TestServices.services(transactions, Clock.systemUTC())
                .positions(), new OptimizationRunner(transactions, Clock.systemUTC(), 20_000, 7), id -> { },
                Clock.systemUTC(), instance).start(TESTER, ADMIN, List.of(depot), DAYS, Idempotency.none()).run().id();
    }

    /** Every run the client sees, walking the cursor two at a time. */
    private static List<JsonNode> listAll(ApiClient client, String filters) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = "";
        do {
            Reply page = client.get("/api/v1/optimizations?limit=2" + filters + cursor);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : "&cursor=" + next.asText();
        } while (cursor != null);
        return items;
    }

    private static List<Long> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.get("id").asLong()).toList();
    }

    /** The texts of an array, or of one field of each of its objects. */
    private static List<String> codes(JsonNode array, String field) {
        List<String> codes = new ArrayList<>();
        array.forEach(item -> codes.add(field == null ? item.asText() : item.get(field).asText()));
        return codes;
    }

    private static JsonNode solve(ApiClient client, JsonNode model) {
        Reply solved = client.post("/api/v1/optimizer/solve", model);
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        return solved.json();
    }

    /** {@code optimize --model FILE} on the text, as a planner would run it; its plan is all it prints on stdout. */
    private static JsonNode optimizeCommand(String model) throws Exception {
        Path file = Files.createTempFile("optimization-model", ".json");
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            Files.writeString(file, model);
            Map<String, Object> arguments = new HashMap<>();
            arguments.put("model", file.toString());
            arguments.put("frontier", null);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            new OptimizeCommand().run(null, new Namespace(arguments));
        } finally {
            System.setOut(stdout);
            Files.deleteIfExists(file);
        }
        return new ObjectMapper().readTree(printed.toString(StandardCharsets.UTF_8));
    }

    /** DEPOT/SKU to stock level, for the positions the plan solved. */
    private static Map<String, Integer> levels(JsonNode plan) {
        Map<String, Integer> levels = new TreeMap<>();
        plan.get("positions").forEach(position -> levels.put(position.get("depot").asText() + "/"
                + position.get("sku").asText(), position.get("stockLevel").asInt()));
        return levels;
    }

    private static Map<String, Integer> recommendedLevels(ApiClient client, long id) {
        Map<String, Integer> levels = new TreeMap<>();
        client.get("/api/v1/optimizations/" + id + "/recommendations?limit=500").json().get("items")
                .forEach(item -> levels.put(item.get("depot").asText() + "/" + item.get("sku").asText(),
                        item.get("recommendedTargetLevel").asInt()));
        return levels;
    }

    private static String otherDepot() {
        return "SCOPE";
    }

    private long createDirectly(String depot) {
        if (depot.equals(otherDepot()) && admin.get("/api/v1/depots/" + depot).status() == 404) {
            Fixtures.depot(admin, depot);
        }
        Optimization run = service.start(TESTER, ADMIN, List.of(depot), DAYS, Idempotency.none()).run();
        return run.id();
    }
}
