package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.ConfigOverride;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * The service is stopped while 16 clients post receipts and reservations expire in the background. Jetty's
 * graceful handler (server.shutdownGracePeriod) lets requests in flight finish before the pool and the jobs stop.
 * Afterwards every acknowledged receipt is in the ledger, the ledger holds no more unacknowledged receipts than
 * there were requests that got no answer, and check-ledger is clean: nothing was half written.
 */
class GracefulShutdownTest {
    private static final int CLIENTS = 16;
    private static final TestApp APP = TestApp.create(
            ConfigOverride.config("reservations.holdTime", "200ms"),
            ConfigOverride.config("reservations.expiryInterval", "50ms"));

    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger otherAnswers = new AtomicInteger();
    private final AtomicInteger shedWhileStopping = new AtomicInteger();

    @Test
    void stoppingUnderLoadLosesNoAcknowledgedChange() throws Exception {
        APP.extension().before();
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.part(admin, "G1", 1.0);
        Fixtures.receive(admin, "NYC", "G1", 100, 1.0);
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "NYC"));
        ApiClient technician = APP.client(APP.token(Role.TECHNICIAN, "NYC"));
        for (int order = 0; order < 20; order++) {
            long id = technician.post("/api/v1/repair-orders", Map.of("depot", "NYC", "assetTag", "G"))
                    .json().get("id").asLong();
            technician.post("/api/v1/repair-orders/" + id + "/reservations", Map.of("sku", "G1",
                    "quantity", 1));
        }

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        for (int client = 0; client < CLIENTS; client++) {
            clients.add(pool.submit(() -> postUntilRefused(manager, deadline)));
        }
        Thread.sleep(1_000);
        long stopping = System.nanoTime();
        APP.extension().after();
        long stoppedMillis = (System.nanoTime() - stopping) / 1_000_000;
        for (Future<?> client : clients) {
            client.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(acknowledged).as("receipts acknowledged before the stop").isNotEmpty();
        assertThat(otherAnswers.get()).as("answers other than 201 or 503").isZero();
        List<Long> stored = APP.jdbi().withHandle(handle -> handle.select(
                "SELECT id FROM ledger WHERE type = 'RECEIPT' AND quantity = 1").mapTo(Long.class).list());
        assertThat(stored).as("every acknowledged receipt is stored").containsAll(acknowledged);
        assertThat(stored.size() - acknowledged.size()).as("stored without an answer")
                .isLessThanOrEqualTo(unanswered.get());
        Fixtures.assertLedgerExact(APP);
        System.out.printf("graceful stop under load: %d receipts acknowledged, stop took %d ms, %d requests"
                + " unanswered mid-flight, %d refused at connect, %d answered 503 while stopping%n",
                acknowledged.size(), stoppedMillis, unanswered.get(), refused.get(), shedWhileStopping.get());
    }

    private Void postUntilRefused(ApiClient manager, long deadline) {
        while (System.currentTimeMillis() < deadline) {
            try {
                Reply reply = manager.post("/api/v1/movements", Fixtures.movement("RECEIPT", "NYC", "G1", 1, 1.0));
                if (reply.status() == 201) {
                    acknowledged.add(reply.json().get("id").asLong());
                } else if (reply.status() == 503) {
                    // Jetty's graceful handler refuses a new request on a kept-alive connection while stopping.
                    shedWhileStopping.incrementAndGet();
                } else {
                    otherAnswers.incrementAndGet();
                    System.err.println("during shutdown: " + reply);
                }
            } catch (UncheckedIOException gone) {
                if (gone.getCause() instanceof ConnectException) {
                    refused.incrementAndGet();
                } else {
                    unanswered.incrementAndGet();
                }
                return null;
            }
        }
        return null;
    }
}
