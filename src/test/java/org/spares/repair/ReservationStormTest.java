package org.spares.repair;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
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
import org.spares.support.TestApp;


/**
 * A random storm on three scarce parts, with a hold time of 300 ms: reservations (some retried by a flaky
 * handheld), backorders, releases, issues, cancellations, receipts and expiries, by 24 clients at once. No 5xx,
 * and afterwards every invariant holds, including the fill order of backorders (check-ledger).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReservationStormTest {
    private static final TestApp APP = TestApp.create(ConfigOverride.config("reservations.holdTime", "300ms"),
            ConfigOverride.config("reservations.expiryInterval", "50ms"));
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient admin;
    private ApiClient technician;
    private ExecutorService pool;

    @BeforeAll
    void setUp() {
        admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        technician = APP.client(APP.token(Role.TECHNICIAN, "NYC"));
        pool = Executors.newFixedThreadPool(64);
    }

    @AfterEach
    void invariantsHold() {
        Fixtures.assertLedgerExact(APP);
    }

    @Test
    void randomStormKeepsEveryInvariant() throws Exception {
        String[] skus = {"S1", "S2", "S3"};
        for (String sku : skus) {
            Fixtures.part(admin, sku, 7.0);
            Fixtures.receive(admin, "NYC", sku, 3, 7.0);
        }
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "NYC"));
        AtomicInteger serverErrors = new AtomicInteger();
        long deadline = System.currentTimeMillis() + 4_000;
        List<Callable<Void>> workers = new ArrayList<>();
        for (int thread = 0; thread < 24; thread++) {
            Random random = new Random(thread);
            workers.add(() -> {
                while (System.currentTimeMillis() < deadline) {
                    stormStep(random, manager, skus, serverErrors);
                }
                return null;
            });
        }
        for (Future<Void> worker : pool.invokeAll(workers)) {
            worker.get();
        }
        assertThat(serverErrors.get()).as("5xx answers").isZero();
    }

    private void stormStep(Random random, ApiClient manager, String[] skus, AtomicInteger serverErrors) {
        String sku = skus[random.nextInt(skus.length)];
        String[] priorities = {"LOW", "NORMAL", "HIGH", "CRITICAL"};
        long order = Fixtures.repairOrder(technician, "NYC", priorities[random.nextInt(priorities.length)]);
        Reply reserved = technician.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", sku,
                "quantity", 1 + random.nextInt(2), "allowBackorder", random.nextBoolean()),
                "storm-" + order);
        count(reserved, serverErrors);
        if (reserved.status() == 201 && random.nextBoolean()) {
            // a flaky handheld retries the same request
            count(technician.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", sku,
                    "quantity", reserved.json().get("quantity").asInt(), "allowBackorder",
                    reserved.json().get("status").asText().equals("BACKORDERED") || random.nextBoolean()),
                    "storm-" + order), serverErrors);
        }
        switch (random.nextInt(5)) {
            case 0 -> count(manager.post("/api/v1/movements", Fixtures.movement("RECEIPT", "NYC", sku,
                    1 + random.nextInt(3), 7.0)), serverErrors);
            case 1 -> count(technician.post("/api/v1/repair-orders/" + order + "/cancel", null), serverErrors);
            case 2 -> {
                if (reserved.status() == 201) {
                    count(technician.post("/api/v1/reservations/" + reserved.json().get("id").asLong() + "/issue",
                            null), serverErrors);
                }
            }
            case 3 -> {
                if (reserved.status() == 201) {
                    count(technician.post("/api/v1/reservations/" + reserved.json().get("id").asLong()
                            + "/release", null), serverErrors);
                }
            }
            default -> { } // left to expire after the short hold time
        }
    }

    private static void count(Reply reply, AtomicInteger serverErrors) {
        if (reply.status() >= 500) {
            serverErrors.incrementAndGet();
            System.err.println("5xx: " + reply);
        }
    }
}
