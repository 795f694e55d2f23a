package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.ProxiedDatabase;
import org.spares.support.TestApp;


/**
 * Technicians open repair orders and reserve parts while the database link is cut every half second. Clients
 * retry every 503 under the same Idempotency-Key, as docs/API.md "Retries and idempotency" tells them to. Afterwards: every acknowledged order
 * and reservation is stored, no key took effect twice (one reservation per order at most, one id per key), no
 * 500 was ever answered, and check-ledger is clean, so no change was half applied.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FlappingDatabaseTest {
    private static final ProxiedDatabase DATABASE = ProxiedDatabase.start();
    private static final TestApp APP = TestApp.on(DATABASE.direct(), DATABASE.proxiedUrl());
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private static final int CLIENTS = 8;
    private static final long RUN_MILLIS = 5_000;
    private static final int MAX_ATTEMPTS = 60;

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final List<String> wrong = new ArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger brokenConnections = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicLong slowestUnavailableMillis = new AtomicLong();

    @Test
    void retriedRequestsAcrossCutsAreNeitherLostNorDoubled() throws Exception {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.part(admin, "R1", 3.0);
        Fixtures.receive(admin, "NYC", "R1", 100_000, 3.0);
        ApiClient technician = APP.client(APP.token(Role.TECHNICIAN, "NYC"));

        long deadline = System.currentTimeMillis() + RUN_MILLIS;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            running.add(pool.submit(() -> {
                for (int step = 0; System.currentTimeMillis() < deadline; step++) {
                    orderAndReserve(technician, "c" + id + "-" + step);
                }
                return null;
            }));
        }
        running.add(pool.submit(() -> flap(deadline, new Random(7))));
        for (Future<?> future : running) {
            future.get(RUN_MILLIS + 120_000, TimeUnit.MILLISECONDS);
        }
        pool.shutdown();
        DATABASE.proxy().restore();

        synchronized (wrong) {
            assertThat(wrong).as("answers other than 201 or 503").isEmpty();
        }
        assertThat(unavailable.get()).as("the cuts were felt").isPositive();
        assertStoredExactlyOnce();
        Fixtures.assertLedgerExact(APP);
        System.out.printf("flapping link: %d keys acknowledged, %d answers 503 (slowest %d ms), %d broken client"
                + " connections, %d gave up, proxy accepted %d connections%n", acknowledged.size(), unavailable.get(),
                slowestUnavailableMillis.get(), brokenConnections.get(), gaveUp.get(), DATABASE.proxy().accepted());
    }

    /** Cuts the link for 150-400 ms every 300-700 ms until the deadline. */
    private Void flap(long deadline, Random random) {
        while (System.currentTimeMillis() < deadline) {
            DatabaseFaultTest.sleep(300 + random.nextInt(400));
            DATABASE.proxy().cut();
            DatabaseFaultTest.sleep(150 + random.nextInt(250));
            DATABASE.proxy().restore();
        }
        return null;
    }

    private void orderAndReserve(ApiClient technician, String key) {
        Reply order = retried(() -> technician.post("/api/v1/repair-orders", Map.of("depot", "NYC", "assetTag",
                "A-" + key), "order-" + key));
        if (order == null) {
            return;
        }
        record("order-" + key, order);
        if (order.status() != 201) {
            return;
        }
        long orderId = order.json().get("id").asLong();
        Reply reserved = retried(() -> technician.post("/api/v1/repair-orders/" + orderId + "/reservations",
                Map.of("sku", "R1", "quantity", 1), "reserve-" + key));
        if (reserved != null) {
            record("reserve-" + key, reserved);
        }
    }

    /** The client docs/API.md describes: retry 503s and broken connections under the same key, a bounded number of times. */
    private Reply retried(Supplier<Reply> call) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long started = System.nanoTime();
            try {
                Reply reply = call.get();
                if (reply.status() != 503) {
                    return reply;
                }
                unavailable.incrementAndGet();
                slowestUnavailableMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
            } catch (UncheckedIOException broken) {
                brokenConnections.incrementAndGet();
            }
            DatabaseFaultTest.sleep(50 + attempt * 10L);
        }
        gaveUp.incrementAndGet();
        return null;
    }

    private void record(String key, Reply reply) {
        if (reply.status() != 201) {
            synchronized (wrong) {
                wrong.add(key + " -> " + reply);
            }
            return;
        }
        long id = reply.json().get("id").asLong();
        Long earlier = acknowledged.putIfAbsent(key, id);
        if (earlier != null && earlier != id) {
            synchronized (wrong) {
                wrong.add(key + " answered two ids " + earlier + " and " + id);
            }
        }
    }

    private void assertStoredExactlyOnce() {
        List<Long> orders = new ArrayList<>();
        List<Long> reservations = new ArrayList<>();
        acknowledged.forEach((key, id) -> (key.startsWith("order-") ? orders : reservations).add(id));
        APP.jdbi().useHandle(handle -> {
            for (long id : orders) {
                assertThat(handle.select("SELECT COUNT(*) FROM repair_orders WHERE id = ?", id).mapTo(Integer.class)
                        .one()).as("acknowledged order " + id).isEqualTo(1);
            }
            for (long id : reservations) {
                assertThat(handle.select("SELECT status FROM reservations WHERE id = ?", id).mapTo(String.class)
                        .findOne()).as("acknowledged reservation " + id).contains("HELD");
            }
            assertThat(handle.select("SELECT repair_order_id FROM reservations GROUP BY repair_order_id"
                    + " HAVING COUNT(*) > 1").mapTo(Long.class).list()).as("orders reserved twice").isEmpty();
            int stored = handle.select("SELECT COUNT(*) FROM reservations").mapTo(Integer.class).one();
            assertThat(stored).as("reservations stored").isBetween(reservations.size(),
                    reservations.size() + gaveUp.get());
        });
    }
}
