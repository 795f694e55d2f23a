package org.spares.repair;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Many technicians at once against scarce parts: exactly the stock available is held, and a reservation retried
 * concurrently under one Idempotency-Key exists once (check-ledger after each test).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReservationRaceTest {
    private static final TestApp APP = TestApp.create();
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
    void sixtyFourRacersForTheLastUnitsGetExactlyThatManyHolds() throws Exception {
        Fixtures.part(admin, "LAST", 5.0);
        Fixtures.receive(admin, "NYC", "LAST", 7, 5.0);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            orders.add(Fixtures.repairOrder(technician, "NYC", "NORMAL"));
        }
        List<Callable<Reply>> racers = new ArrayList<>();
        for (long order : orders) {
            racers.add(() -> technician.post("/api/v1/repair-orders/" + order + "/reservations",
                    Map.of("sku", "LAST", "quantity", 1)));
        }
        int held = 0;
        int refused = 0;
        for (Future<Reply> future : pool.invokeAll(racers)) {
            Reply reply = future.get();
            if (reply.status() == 201) {
                assertThat(reply.json().get("status").asText()).isEqualTo("HELD");
                held++;
            } else {
                assertThat(reply.status()).as(reply.body()).isEqualTo(409);
                assertThat(reply.error()).isEqualTo("INSUFFICIENT_STOCK");
                refused++;
            }
        }
        assertThat(held).isEqualTo(7);
        assertThat(refused).isEqualTo(57);
        assertThat(admin.get("/api/v1/depots/NYC/stock/LAST").json().get("available").asInt()).isZero();
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyReserveOnce() throws Exception {
        Fixtures.part(admin, "RETRY", 5.0);
        Fixtures.receive(admin, "NYC", "RETRY", 10, 5.0);
        long order = Fixtures.repairOrder(technician, "NYC", "HIGH");
        List<Callable<Reply>> retries = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            retries.add(() -> technician.post("/api/v1/repair-orders/" + order + "/reservations",
                    Map.of("sku", "RETRY", "quantity", 3), "handheld-retry-1"));
        }
        Set<String> bodies = new HashSet<>();
        for (Future<Reply> future : pool.invokeAll(retries)) {
            assertThat(future.get().status()).as(future.get().body()).isEqualTo(201);
            bodies.add(future.get().body());
        }
        assertThat(bodies).hasSize(1);
        assertThat(technician.get("/api/v1/reservations?repairOrderId=" + order).json().get("items").size())
                .isEqualTo(1);
        assertThat(admin.get("/api/v1/depots/NYC/stock/RETRY").json().get("reserved").asInt()).isEqualTo(3);
    }
}
