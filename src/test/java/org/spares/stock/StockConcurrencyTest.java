package org.spares.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spares.support.Fixtures.movement;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * 32 threads mix receipts, count adjustments, scrap and whole transfers on four shared positions for several
 * seconds. Afterwards check-ledger finds nothing, and every position's on hand is exactly the sum of what the
 * threads were told succeeded: nothing lost, nothing counted twice, no 5xx.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StockConcurrencyTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private static final String[] DEPOTS = {"NYC", "BOS"};
    private static final String[] SKUS = {"CA", "CB"};
    private static final int THREADS = 32;
    private static final long RUN_MILLIS = 4_000;

    private final Map<String, LongAdder> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger operations = new AtomicInteger();

    @Test
    void mixedStockChangesUnderLoadStayExact() throws Exception {
        ApiClient admin = APP.admin();
        for (String depot : DEPOTS) {
            Fixtures.depot(admin, depot);
        }
        for (String sku : SKUS) {
            Fixtures.part(admin, sku, 20.0);
        }
        ApiClient manager = APP.client(APP.token(Role.MANAGER, DEPOTS));
        long deadline = System.currentTimeMillis() + RUN_MILLIS;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            Random random = new Random(thread);
            workers.add(pool.submit(() -> {
                while (System.currentTimeMillis() < deadline) {
                    step(manager, random);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        assertThat(serverErrors.get()).as("5xx answers").isZero();
        assertThat(operations.get()).as("every thread made progress").isGreaterThan(THREADS);
        for (String depot : DEPOTS) {
            for (String sku : SKUS) {
                var position = admin.get("/api/v1/depots/" + depot + "/stock/" + sku).json();
                long expected = acknowledged.getOrDefault(depot + "/" + sku, new LongAdder()).sum();
                assertThat(position.get("onHand").asLong()).as(depot + "/" + sku).isEqualTo(expected);
                assertThat(position.get("reserved").asInt()).isZero();
                assertThat(position.get("inbound").asInt()).isZero();
            }
        }
        Fixtures.assertLedgerExact(APP);
    }

    private void step(ApiClient manager, Random random) {
        String depot = DEPOTS[random.nextInt(DEPOTS.length)];
        String sku = SKUS[random.nextInt(SKUS.length)];
        operations.incrementAndGet();
        switch (random.nextInt(4)) {
            case 0 -> post(manager, movement("RECEIPT", depot, sku, 1 + random.nextInt(5), 10.0 + random.nextInt(20)),
                    depot, sku);
            case 1 -> post(manager, movement("ADJUSTMENT", depot, sku, random.nextBoolean() ? 2 : -2, null), depot,
                    sku);
            case 2 -> post(manager, movement("SCRAP", depot, sku, 1 + random.nextInt(3), null), depot, sku);
            default -> transfer(manager, random, depot, sku);
        }
    }

    private void post(ApiClient manager, Map<String, Object> body, String depot, String sku) {
        Reply reply = manager.post("/api/v1/movements", body);
        record(reply);
        if (reply.status() == 201) {
            add(depot, sku, reply.json().get("quantity").asInt());
        }
    }

    private void transfer(ApiClient manager, Random random, String from, String sku) {
        String to = from.equals(DEPOTS[0]) ? DEPOTS[1] : DEPOTS[0];
        int quantity = 1 + random.nextInt(3);
        Reply requested = manager.post("/api/v1/transfers", Map.of("fromDepot", from, "toDepot", to, "sku", sku,
                "quantity", quantity));
        record(requested);
        if (requested.status() != 201) {
            return;
        }
        long id = requested.json().get("id").asLong();
        if (random.nextInt(3) == 0) {
            Reply cancelled = manager.post("/api/v1/transfers/" + id + "/cancel", null);
            record(cancelled);
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            return;
        }
        Reply shipped = manager.post("/api/v1/transfers/" + id + "/ship", null);
        record(shipped);
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        add(from, sku, -quantity);
        Reply received = manager.post("/api/v1/transfers/" + id + "/receive", null);
        record(received);
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        add(to, sku, quantity);
    }

    private void add(String depot, String sku, int quantity) {
        acknowledged.computeIfAbsent(depot + "/" + sku, key -> new LongAdder()).add(quantity);
    }

    private void record(Reply reply) {
        if (reply.status() >= 500) {
            serverErrors.incrementAndGet();
            System.err.println("5xx: " + reply);
        }
    }
}
