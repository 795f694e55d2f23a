package org.spares.report;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Lifecycle;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * A random ledger (receipts at odd prices, counts, scrap, transfers, some still in transit) at odd microsecond
 * instants, built through the API; the carrying cost and the valuation are then recomputed from GET /movements
 * alone, by walking every part's rows and integrating each constant stretch, and must match to the last decimal.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRecomputeTest {
    private static final TestApp APP = TestApp.clocked();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final List<String> DEPOTS = List.of("AAA", "BBB", "CCC");
    private static final List<String> SKUS = List.of("S1", "S2", "S3");
    private static final BigDecimal MICROS_PER_YEAR = BigDecimal.valueOf(365L * 86_400_000_000L);

    private ApiClient admin;
    private final Map<String, BigDecimal> rates = new HashMap<>();
    private Instant first;
    private Instant last;

    /** A ledger row as GET /movements shows it. */
    record Row(long id, Instant at, String depot, String sku, int quantity, BigDecimal averageAfter) {
    }

    @BeforeAll
    void buildRandomLedger() {
        ClockedSparesApplication.CLOCK.set(Instant.parse("2026-03-01T00:00:00Z"));
        admin = APP.admin();
        DEPOTS.forEach(depot -> Fixtures.depot(admin, depot));
        Random random = new Random(7);
        for (String sku : SKUS) {
            BigDecimal rate = BigDecimal.valueOf(10 + random.nextInt(30), 2);
            rates.put(sku, rate);
            assertThat(admin.post("/api/v1/parts", Map.of("sku", sku, "name", sku, "category", "c" + sku,
                    "unitCost", 50, "holdingRate", rate, "leadTimeDays", 5)).status()).isEqualTo(201);
        }
        Deque<Long> shipped = new ArrayDeque<>();
        for (int step = 0; step < 90; step++) {
            ClockedSparesApplication.CLOCK.advance(Duration.ofSeconds(1 + random.nextInt(172_800))
                    .plusNanos(1000L * random.nextInt(1_000_000)));
            if (first == null) {
                first = ClockedSparesApplication.CLOCK.instant();
            }
            randomMove(random, shipped);
        }
        last = ClockedSparesApplication.CLOCK.instant();
        ClockedSparesApplication.CLOCK.advance(Duration.ofDays(2));
    }

    private void randomMove(Random random, Deque<Long> shipped) {
        String depot = DEPOTS.get(random.nextInt(DEPOTS.size()));
        String sku = SKUS.get(random.nextInt(SKUS.size()));
        int choice = random.nextInt(10);
        if (choice < 4 || Fixtures.onHand(admin, depot, sku) < 3) {
            BigDecimal cost = BigDecimal.valueOf(100_000 + random.nextInt(2_000_000), 4);
            Reply reply = admin.post("/api/v1/movements", Map.of("type", "RECEIPT", "depot", depot, "sku", sku,
                    "quantity", 1 + random.nextInt(25), "unitCost", cost));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        } else if (choice < 6) {
            int quantity = random.nextBoolean() ? 1 + random.nextInt(3) : -1 - random.nextInt(2);
            assertThat(admin.post("/api/v1/movements", Fixtures.movement(choice == 4 ? "ADJUSTMENT" : "SCRAP",
                    depot, sku, choice == 4 ? quantity : 1, null)).status()).isEqualTo(201);
        } else if (choice < 8 || shipped.isEmpty()) {
            String to = DEPOTS.get((DEPOTS.indexOf(depot) + 1) % DEPOTS.size());
            Reply transfer = admin.post("/api/v1/transfers", Map.of("fromDepot", depot, "toDepot", to, "sku", sku,
                    "quantity", 2));
            assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
            long id = transfer.json().get("id").asLong();
            assertThat(admin.post("/api/v1/transfers/" + id + "/ship", null).status()).isEqualTo(200);
            shipped.add(id);
        } else {
            assertThat(admin.post("/api/v1/transfers/" + shipped.poll() + "/receive", null).status()).isEqualTo(200);
        }
    }

    @Test
    void carryingCostMatchesAnIndependentWalkOfTheMovements() {
        List<Row> rows = movements();
        Instant middle = first.plus(Duration.between(first, last).dividedBy(3)).plusNanos(123_000);
        Instant end = last.minus(Duration.between(first, last).dividedBy(5)).plusNanos(7_000);
        for (Instant[] period : List.of(new Instant[] {middle, end},
                new Instant[] {first.minus(Duration.ofDays(3)), ClockedSparesApplication.CLOCK.instant()})) {
            Map<String, BigDecimal[]> expected = recompute(rows, period[0], period[1]);
            JsonNode report = admin.get("/api/v1/reports/carrying-cost?from=" + period[0] + "&to=" + period[1])
                    .json();
            long micros = Duration.between(period[0], period[1]).toNanos() / 1000;
            assertThat(report.get("rows")).hasSize(expected.size());
            for (JsonNode row : report.get("rows")) {
                BigDecimal[] sums = expected.get(row.get("key").asText());
                assertThat(row.get("averageInventoryValue").decimalValue()).as(row.toString())
                        .isEqualByComparingTo(sums[0].divide(BigDecimal.valueOf(micros), 4, RoundingMode.HALF_UP));
                assertThat(row.get("carryingCost").decimalValue()).as(row.toString())
                        .isEqualByComparingTo(sums[1].divide(MICROS_PER_YEAR, 4, RoundingMode.HALF_UP));
            }
        }
    }

    /**
     * By month: each row is the independent walk over that month (the first and last cut to the period), and the
     * total is the walk over the whole period: the months' exact sums add up, rounded once.
     */
    @Test
    void carryingCostByMonthIsEachMonthsWalk() {
        List<Row> rows = movements();
        Instant from = first.plus(Duration.ofDays(3)).plusNanos(5_000);
        Instant to = last.minus(Duration.ofDays(2)).plusNanos(11_000);
        JsonNode report = admin.get("/api/v1/reports/carrying-cost?groupBy=month&from=" + from + "&to=" + to).json();
        List<Instant> bounds = new ArrayList<>(List.of(from));
        YearMonth month = YearMonth.from(from.atOffset(ZoneOffset.UTC));
        for (Instant start = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                start.isBefore(to); month = month.plusMonths(1),
                start = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()) {
            bounds.add(start);
        }
        bounds.add(to);
        assertThat(bounds).hasSizeGreaterThanOrEqualTo(3);
        assertThat(report.get("rows")).hasSize(bounds.size() - 1);
        for (int i = 0; i + 1 < bounds.size(); i++) {
            JsonNode row = report.get("rows").get(i);
            assertThat(row.get("key").asText()).isEqualTo(
                    YearMonth.from(bounds.get(i).atOffset(ZoneOffset.UTC)).toString());
            assertWalk(row, rows, bounds.get(i), bounds.get(i + 1));
        }
        assertWalk(report.get("total"), rows, from, to);
    }

    /** A row (or total) of the report by month against the walk over [from, to), summed over every depot. */
    private void assertWalk(JsonNode row, List<Row> rows, Instant from, Instant to) {
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (BigDecimal[] sums : recompute(rows, from, to).values()) {
            value = value.add(sums[0]);
            cost = cost.add(sums[1]);
        }
        long micros = Duration.between(from, to).toNanos() / 1000;
        assertThat(row.get("averageInventoryValue").decimalValue()).as(row.toString())
                .isEqualByComparingTo(value.divide(BigDecimal.valueOf(micros), 4, RoundingMode.HALF_UP));
        assertThat(row.get("carryingCost").decimalValue()).as(row.toString())
                .isEqualByComparingTo(cost.divide(MICROS_PER_YEAR, 4, RoundingMode.HALF_UP));
    }

    @Test
    void valuationMatchesTheMovementsAtAnyInstant() {
        List<Row> rows = movements();
        Instant asOf = first.plus(Duration.between(first, last).dividedBy(2)).plusNanos(1000);
        Map<String, Integer> units = new TreeMap<>();
        Map<String, BigDecimal> averages = new HashMap<>();
        for (Row row : rows) {
            if (!row.at().isAfter(asOf)) {
                units.merge(row.depot() + "/" + row.sku(), row.quantity(), Integer::sum);
                averages.put(row.sku(), row.averageAfter());
            }
        }
        Map<String, BigDecimal> value = new TreeMap<>();
        units.forEach((position, count) -> value.merge(position.split("/")[0],
                averages.get(position.split("/")[1]).multiply(BigDecimal.valueOf(count)), BigDecimal::add));
        JsonNode report = admin.get("/api/v1/reports/valuation?asOf=" + asOf).json();
        for (JsonNode row : report.get("rows")) {
            assertThat(row.get("value").decimalValue()).as(row.toString())
                    .isEqualByComparingTo(value.get(row.get("key").asText()));
        }
    }

    /** Per depot: exact value-microseconds and rate-weighted value-microseconds over [from, to). */
    private Map<String, BigDecimal[]> recompute(List<Row> rows, Instant from, Instant to) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (String sku : SKUS) {
            List<Row> ofPart = rows.stream().filter(row -> row.sku().equals(sku)).toList();
            Map<String, Integer> onHand = new HashMap<>();
            for (int i = 0; i < ofPart.size(); i++) {
                Row row = ofPart.get(i);
                onHand.merge(row.depot(), row.quantity(), Integer::sum);
                Instant until = i + 1 < ofPart.size() ? ofPart.get(i + 1).at() : to;
                long overlap = overlapMicros(row.at(), until, from, to);
                for (Map.Entry<String, Integer> position : onHand.entrySet()) {
                    BigDecimal value = row.averageAfter().multiply(BigDecimal.valueOf(position.getValue()))
                            .multiply(BigDecimal.valueOf(overlap));
                    BigDecimal[] depot = sums.computeIfAbsent(position.getKey(),
                            key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    depot[0] = depot[0].add(value);
                    depot[1] = depot[1].add(value.multiply(rates.get(sku)));
                }
            }
        }
        return sums;
    }

    private static long overlapMicros(Instant start, Instant end, Instant from, Instant to) {
        Instant a = start.isBefore(from) ? from : start;
        Instant b = end.isAfter(to) ? to : end;
        return b.isAfter(a) ? Duration.between(a, b).toNanos() / 1000 : 0;
    }

    private List<Row> movements() {
        List<Row> rows = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = admin.get("/api/v1/movements?limit=500" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                    .json();
            for (JsonNode item : page.get("items")) {
                rows.add(new Row(item.get("id").asLong(), Instant.parse(item.get("at").asText()),
                        item.get("depot").asText(), item.get("sku").asText(), item.get("quantity").asInt(),
                        item.get("averageUnitCostAfter").decimalValue()));
            }
            cursor = page.get("nextCursor").isNull() ? "" : page.get("nextCursor").asText();
        } while (!cursor.isEmpty());
        return rows;
    }
}
